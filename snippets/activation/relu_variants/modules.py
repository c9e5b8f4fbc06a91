"""PyTorch에 모듈이 없는 가족: Maxout, 제곱 ReLU, ReGLU/GEGLU를 몇 줄로 구현합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:maxout]
class Maxout(nn.Module):
    """Goodfellow 등 2013: 선형 함수 k개의 최댓값. 활성화 함수와 선형 층을 합친 층입니다."""

    def __init__(self, d_in, d_out, k):
        super().__init__()
        self.d_out, self.k = d_out, k
        self.linear = nn.Linear(d_in, d_out * k)

    def forward(self, x):
        return self.linear(x).view(*x.shape[:-1], self.d_out, self.k).amax(dim=-1)


torch.manual_seed(0)
maxout = Maxout(1, 1, k=2)
with torch.no_grad():                     # 조각 두 개를 (x, 0)으로 두면 ReLU, (x, −x)로 두면 |x|
    maxout.linear.weight[:] = torch.tensor([[1.0], [0.0]])
    maxout.linear.bias.zero_()
x = torch.linspace(-3, 3, 7).unsqueeze(1)
maxout_is_relu = torch.equal(maxout(x), F.relu(x))
print("Maxout(x, 0) == ReLU:", maxout_is_relu)
layer = Maxout(64, 32, k=4)
maxout_params = sum(p.numel() for p in layer.parameters())
linear_params = sum(p.numel() for p in nn.Linear(64, 32).parameters())
print(f"Maxout(64→32, k=4)의 파라미터 {maxout_params:,}개 = Linear(64→32)의 {maxout_params / linear_params:.0f}배")
# --8<-- [end:maxout]

# --8<-- [start:relu2]
class SquaredReLU(nn.Module):
    """So 등 2021(Primer): relu(x)². x = 0에서 값과 기울기가 모두 0이고, 양수 쪽 기울기는 2x입니다."""

    def forward(self, x):
        return F.relu(x).square()


t = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
SquaredReLU()(t).sum().backward()
print("relu(x)²의 기울기:", t.grad.tolist())
# --8<-- [end:relu2]

# --8<-- [start:glu]
class GLUFeedForward(nn.Module):
    """Shazeer 2020의 GLU 변형 피드포워드 층: W₂(act(x W) ⊙ x V). act=F.relu이면 ReGLU, F.gelu이면 GEGLU."""

    def __init__(self, d_model, d_hidden, act):
        super().__init__()
        self.wv = nn.Linear(d_model, 2 * d_hidden, bias=False)   # W와 V를 한 행렬로
        self.w2 = nn.Linear(d_hidden, d_model, bias=False)
        self.act = act

    def forward(self, x):
        gate, value = self.wv(x).chunk(2, dim=-1)
        return self.w2(self.act(gate) * value)


D_MODEL, D_FF = 512, 2048
ffn = nn.Sequential(nn.Linear(D_MODEL, D_FF, bias=False), nn.ReLU(), nn.Linear(D_FF, D_MODEL, bias=False))
D_GLU = 2 * D_FF // 3                     # 파라미터 수를 맞추려고 은닉 너비를 2/3로 줄입니다(Shazeer 2020)
reglu = GLUFeedForward(D_MODEL, D_GLU, F.relu)
geglu = GLUFeedForward(D_MODEL, D_GLU, F.gelu)
count = lambda m: sum(p.numel() for p in m.parameters())
out = reglu(torch.randn(4, D_MODEL))
print(f"ReLU FFN {count(ffn):,}개, ReGLU {count(reglu):,}개, GEGLU {count(geglu):,}개의 파라미터, 출력 {tuple(out.shape)}")
# --8<-- [end:glu]

maxout_ratio = maxout_params / linear_params
ffn_params, reglu_params = count(ffn), count(reglu)
