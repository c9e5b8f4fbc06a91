"""BatchNorm2d가 학습 모드와 평가 모드에서 각각 무엇을 계산하는지 직접 계산과 비교합니다."""

import torch
import torch.nn as nn

# --8<-- [start:train_mode]
torch.manual_seed(0)
bn = nn.BatchNorm2d(3)                          # 채널 3개, momentum=0.1, eps=1e-5
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.0, 2.0, 0.5]))   # γ (보통 1로 시작해 학습됨)
    bn.bias.copy_(torch.tensor([0.0, 1.0, -1.0]))    # β (보통 0으로 시작해 학습됨)

DATA_MEAN, DATA_STD = 3.0, 2.0
x = DATA_MEAN + DATA_STD * torch.randn(8, 3, 4, 4)   # 평균 3, 표준편차 2 근처의 입력 (배치 8)
y = bn(x)                                        # 학습 모드(기본값)

mean = x.mean(dim=(0, 2, 3), keepdim=True)                   # 채널별 배치 평균
var = x.var(dim=(0, 2, 3), unbiased=False, keepdim=True)     # 채널별 배치 분산(n으로 나눔)
x_hat = (x - mean) / torch.sqrt(var + bn.eps)
y_manual = bn.weight.view(1, -1, 1, 1) * x_hat + bn.bias.view(1, -1, 1, 1)
train_max_diff = (y - y_manual).abs().max().item()
print(f"학습 모드: 직접 계산과의 최대 차이 {train_max_diff:.1e}")
print("출력의 채널별 평균:", [f"{round(v, 3) + 0.0:.3f}" for v in y.mean(dim=(0, 2, 3)).tolist()], "(= β)")
print("출력의 채널별 표준편차:", [f"{v:.3f}" for v in y.std(dim=(0, 2, 3), unbiased=False).tolist()], "(≈ γ)")
# --8<-- [end:train_mode]

# --8<-- [start:running]
n = x.numel() // x.shape[1]                     # 채널당 값의 개수 8×4×4 = 128
expected_mean = 0.9 * 0 + 0.1 * mean.flatten()                         # 초깃값 0에서 한 걸음
expected_var = 0.9 * 1 + 0.1 * var.flatten() * n / (n - 1)              # 초깃값 1, 불편 분산 사용
print("running_mean:", [f"{v:.4f}" for v in bn.running_mean.tolist()])
print("직접 계산   :", [f"{v:.4f}" for v in expected_mean.tolist()])
print("running_var :", [f"{v:.4f}" for v in bn.running_var.tolist()])
print("직접 계산   :", [f"{v:.4f}" for v in expected_var.tolist()])
# --8<-- [end:running]

# --8<-- [start:eval_mode]
bn.eval()                                        # 평가 모드: 배치 통계 대신 running 통계
y_eval = bn(x)
x_hat_eval = (x - bn.running_mean.view(1, -1, 1, 1)) / torch.sqrt(bn.running_var.view(1, -1, 1, 1) + bn.eps)
y_eval_manual = bn.weight.view(1, -1, 1, 1) * x_hat_eval + bn.bias.view(1, -1, 1, 1)
eval_max_diff = (y_eval - y_eval_manual).abs().max().item()
eval_vs_train_after_1 = (y_eval - y).abs().max().item()
print(f"평가 모드: 직접 계산과의 최대 차이 {eval_max_diff:.1e}")
print(f"배치 1개를 본 뒤 평가 모드 출력과 학습 모드 출력의 최대 차이: {eval_vs_train_after_1:.2f}")

# 같은 분포의 배치를 더 보여 주면 running 통계가 데이터의 통계에 가까워집니다.
bn.train()
for step in range(100):
    bn(DATA_MEAN + DATA_STD * torch.randn(8, 3, 4, 4))
bn.eval()
eval_vs_train_after_101 = (bn(x) - y).abs().max().item()
print("배치 101개 뒤 running_mean:", [f"{v:.3f}" for v in bn.running_mean.tolist()],
      " running_var:", [f"{v:.3f}" for v in bn.running_var.tolist()])
print(f"배치 101개를 본 뒤 평가 모드 출력과 학습 모드 출력의 최대 차이: {eval_vs_train_after_101:.2f}")
# --8<-- [end:eval_mode]

# 본문에서 인용하는 값
batch_size = x.shape[0]
n_more_batches = step + 1
data_var = DATA_STD ** 2
