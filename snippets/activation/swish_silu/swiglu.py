"""LLaMA 계열 모델의 SwiGLU 피드포워드 층을 torch.nn으로 만들고, ReLU 피드포워드 층과 크기를 비교합니다."""

import torch
import torch.nn as nn
import torch.nn.functional as F

# --8<-- [start:ffn]
class ReLUFeedForward(nn.Module):
    """원래 Transformer(2017)의 피드포워드 층: W2·ReLU(W1·x), 은닉 차원 4d."""

    def __init__(self, d_model):
        super().__init__()
        self.w1 = nn.Linear(d_model, 4 * d_model)
        self.w2 = nn.Linear(4 * d_model, d_model)

    def forward(self, x):
        return self.w2(F.relu(self.w1(x)))


class SwiGLUFeedForward(nn.Module):
    """SwiGLU: W2·(SiLU(W1·x) ⊙ W3·x). 행렬이 셋이므로 은닉 차원을 4d의 2/3로 줄여 파라미터 수를 맞춥니다."""

    def __init__(self, d_model, multiple_of=32):
        super().__init__()
        hidden = int(2 * 4 * d_model / 3)
        hidden = multiple_of * ((hidden + multiple_of - 1) // multiple_of)  # 32의 배수로 올림
        self.w1 = nn.Linear(d_model, hidden, bias=False)  # 게이트 쪽 (SiLU를 거침)
        self.w3 = nn.Linear(d_model, hidden, bias=False)  # 값 쪽 (선형)
        self.w2 = nn.Linear(hidden, d_model, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


torch.manual_seed(0)
d_model = 256
tokens = torch.randn(2, 10, d_model)            # (배치, 토큰, 차원)
for ffn in (ReLUFeedForward(d_model), SwiGLUFeedForward(d_model)):
    n_params = sum(p.numel() for p in ffn.parameters())
    print(f"{type(ffn).__name__:<18} 은닉 차원 {ffn.w1.out_features:>5}, 파라미터 {n_params:>7,}개, "
          f"출력 {tuple(ffn(tokens).shape)}")
print(SwiGLUFeedForward(d_model))
# --8<-- [end:ffn]

# 본문에서 인용하는 값
multiple_of = SwiGLUFeedForward.__init__.__defaults__[0]   # 은닉 차원을 올림하는 배수
