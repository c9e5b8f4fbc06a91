"""깊고 좁은 ReLU 신경망이 초기화 직후부터 상수 함수인("태어날 때부터 죽은") 확률을 깊이와 너비에 따라 잽니다."""

import matplotlib.pyplot as plt
import torch

import verdicts

# --8<-- [start:born_dead]
torch.manual_seed(0)
N_NETS, N_INPUTS, DIM_IN = 1000, 64, 2
WIDTHS = (2, 3, 4, 8)
MAX_DEPTH = 50
CHECK_DEPTHS = (1, 2, 5, 10, 20, 50)
POSITIVE_BIAS = 0.1
x = torch.randn(N_INPUTS, DIM_IN)


def dead_by_depth(width, bias):
    """층마다 'N_INPUTS개 입력 모두에서 은닉층 출력이 같은' 신경망의 비율(깊이에 대해 누적).

    신경망 N_NETS개를 한꺼번에 계산합니다(torch.bmm). 가중치는 He 정규분포(분산 2/fan_in),
    편향은 bias(상수)입니다. 한 층의 출력이 모든 입력에서 같으면 그 뒤 층도 같으므로 그 신경망은 상수 함수입니다.
    """
    h = x.expand(N_NETS, N_INPUTS, DIM_IN)
    fan_in = DIM_IN
    dead = torch.zeros(N_NETS, dtype=torch.bool)
    fractions = []
    for _ in range(MAX_DEPTH):
        w = torch.randn(N_NETS, fan_in, width) * (2.0 / fan_in) ** 0.5
        h = torch.relu(torch.bmm(h, w) + bias)
        fan_in = width
        constant = (h.amax(dim=1) == h.amin(dim=1)).all(dim=1)   # 모든 입력에서 모든 유닛이 같은 값
        dead |= constant
        fractions.append(dead.float().mean().item())
    return fractions


results = {(w, b): dead_by_depth(w, b) for w in WIDTHS for b in (0.0, POSITIVE_BIAS)}
print(f"상수 함수가 된 신경망의 비율 (신경망 {N_NETS}개, He 초기화, 입력 {N_INPUTS}개)")
print("너비 | 편향 | " + " | ".join(f"깊이 {d:>2}" for d in CHECK_DEPTHS))
for (w, b), fr in results.items():
    print(f"{w:>4} | {b:4.1f} | " + " | ".join(f"{fr[d - 1]:7.1%}" for d in CHECK_DEPTHS))
# --8<-- [end:born_dead]

# --8<-- [start:figure]
fig, ax = plt.subplots(figsize=(7, 4.2))
depths = range(1, MAX_DEPTH + 1)
for i, w in enumerate(WIDTHS):
    color = f"C{i}"
    ax.plot(depths, results[(w, 0.0)], color=color, label=f"너비 {w}, 편향 0")
    ax.plot(depths, results[(w, POSITIVE_BIAS)], color=color, linestyle="--", label=f"너비 {w}, 편향 {POSITIVE_BIAS}")
ax.set_xlabel("은닉층 수")
ax.set_ylabel("상수 함수인 신경망의 비율")
ax.set_ylim(-0.02, 1.02)
ax.grid(True, alpha=0.3)
ax.legend(fontsize=8, ncol=2)
fig.tight_layout()
# --8<-- [end:figure]

# 본문에서 인용하는 값
dead_w2_d10 = results[(2, 0.0)][9]
dead_w2_d50 = results[(2, 0.0)][49]
dead_w3_d50 = results[(3, 0.0)][49]
dead_w4_d50 = results[(4, 0.0)][49]
dead_w8_d50 = results[(8, 0.0)][49]
dead_w2_d50_pos = results[(2, POSITIVE_BIAS)][49]
dead_w4_d50_pos = results[(4, POSITIVE_BIAS)][49]
dead_w8_d50_pos = results[(8, POSITIVE_BIAS)][49]
dead_w2_d1 = results[(2, 0.0)][0]
width_narrow, width_mid, width_wide = WIDTHS[0], WIDTHS[2], WIDTHS[3]
depth_mid = CHECK_DEPTHS[3]

# 흔히 하는 말 "편향을 작은 양수로 초기화하면 죽은 ReLU를 막는다"의 판정 (summary/claims)
# 조건: 표의 (너비, 깊이) 가운데 편향 0에서 상수 함수인 신경망이 생긴 곳마다,
# 작은 양수 편향에서는 그런 신경망이 하나도 없었는가 (주장대로라면 막음)
claim_positive_bias_prevents = verdicts.claim(**{
    f"width_{w}_depth_{d}": results[(w, POSITIVE_BIAS)][d - 1] == 0
    for w in WIDTHS for d in CHECK_DEPTHS if results[(w, 0.0)][d - 1] > 0
})
