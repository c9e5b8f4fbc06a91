"""ReLU와 ReLU6 출력을 8비트로 양자화했을 때의 오차: 보정 범위를 최댓값으로 잡는 per-tensor affine 양자화."""

import torch
import torch.nn.functional as F

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:quantize]
torch.manual_seed(0)
N = 1_000_000
QMIN, QMAX = 0, 255                      # 출력이 0 이상이므로 부호 없는 8비트(uint8) 격자


def fake_quant(y, upper):
    """[0, upper]를 256단계로 나눠 반올림한 값(torch.fake_quantize_per_tensor_affine)."""
    scale = upper / (QMAX - QMIN)
    return torch.fake_quantize_per_tensor_affine(y, scale, 0, QMIN, QMAX), scale


def rms(t):
    return t.pow(2).mean().sqrt().item()


# 활성화 전 값의 분포 셋: 정규분포 두 가지와 꼬리가 두꺼운 t 분포(자유도 3)
inputs = {
    "정규분포 σ = 1": torch.randn(N),
    "정규분포 σ = 3": 3 * torch.randn(N),
    "t 분포(자유도 3)": torch.distributions.StudentT(3.0).sample((N,)),
}
PERCENTILE = 0.9999
print("분포            | 함수                   | 보정 상한 | 눈금 간격 | 양자화 오차 RMS | 6보다 커서 잘린 비율")
results = {}
for dist, z in inputs.items():
    relu, relu6 = F.relu(z), F.relu6(z)
    rows = {
        "ReLU (최댓값)": (relu, relu.max().item()),
        f"ReLU ({PERCENTILE:.2%} 백분위)": (relu, torch.quantile(relu, PERCENTILE).item()),
        "ReLU6 (상한 6)": (relu6, 6.0),
    }
    for name, (y, upper) in rows.items():
        q, scale = fake_quant(y, upper)
        err = rms(q - y)                       # 양자화 전 같은 함수의 출력과 비교
        results[dist, name] = (upper, scale, err)
        print(f"{dist:<15} | {name:<22} | {upper:9.2f} | {scale:9.4f} | {err:15.4f} | "
              f"{(z > 6).float().mean().item():.3%}")
# --8<-- [end:quantize]

# 본문에서 인용하는 값
normal1, normal3, heavy = inputs
relu_max_name, relu_pct_name, relu6_name = rows
err_relu_n1 = results[normal1, relu_max_name][2]
err_relu6_n1 = results[normal1, relu6_name][2]
err_relu_n3 = results[normal3, relu_max_name][2]
err_relu6_n3 = results[normal3, relu6_name][2]
err_relu_heavy = results[heavy, relu_max_name][2]
err_relu_pct_heavy = results[heavy, relu_pct_name][2]
err_relu6_heavy = results[heavy, relu6_name][2]
upper_relu_heavy = results[heavy, relu_max_name][0]
upper_relu_n1 = results[normal1, relu_max_name][0]
ratio_heavy = err_relu_heavy / err_relu6_heavy
clipped_n3 = (inputs[normal3] > 6).float().mean().item()
clipped_n1 = (inputs[normal1] > 6).float().mean().item()

# "ReLU6: 양자화에 유리"의 판정: 분포마다 ReLU6의 양자화 오차가 ReLU(상한 = 최댓값)보다 작은가
relu6_quant_claim = verdicts.claim(
    normal_sigma1=err_relu6_n1 < err_relu_n1,        # 정규분포 σ = 1 (최댓값이 6보다 작음)
    normal_sigma3=err_relu6_n3 < err_relu_n3,        # 정규분포 σ = 3
    heavy_tail=err_relu6_heavy < err_relu_heavy,     # 꼬리가 두꺼운 t 분포
)
