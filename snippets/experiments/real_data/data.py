"""실제 데이터: scikit-learn에 들어 있는 손글씨 숫자 이미지를 읽어, 학습 데이터와 평가 데이터로 한 번 나눕니다."""

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

# --8<-- [start:data]
digits = load_digits()  # scikit-learn 패키지 안에 들어 있는 데이터라 내려받지 않습니다
# 한 번만 나눕니다: 절반은 학습 데이터, 절반은 평가 데이터(시드 0, 숫자마다 같은 비율로)
X_train, X_test, y_train, y_test = train_test_split(
    digits.data, digits.target, test_size=0.5, stratify=digits.target, random_state=0)
# 픽셀마다 학습 데이터의 평균과 표준편차로 표준화합니다(평가 데이터에도 같은 값을 씁니다)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)
constant = std == 0  # 학습 데이터에서 늘 같은 값인 픽셀(가장자리): 평균만 뺍니다
std[constant] = 1.0
X_train = torch.tensor((X_train - mean) / std)  # float64
X_test = torch.tensor((X_test - mean) / std)
y_train, y_test = torch.tensor(y_train), torch.tensor(y_test)
# --8<-- [end:data]

# --8<-- [start:summary]
n_images, side, _ = digits.images.shape
n_pixels = X_train.shape[1]
n_classes = len(digits.target_names)
pixel_max = int(digits.data.max())
n_train, n_test = len(X_train), len(X_test)
n_constant = int(constant.sum())
print(f"이미지 {n_images}개, 크기 {side}×{side} (입력 {n_pixels}개), 픽셀 값 0~{pixel_max}, 클래스 {n_classes}개")
print(f"학습 데이터 {n_train}개, 평가 데이터 {n_test}개")
print("평가 데이터의 숫자별 개수: " + " ".join(f"{d}:{c}" for d, c in enumerate(np.bincount(y_test.numpy()))))
print(f"학습 데이터에서 늘 같은 값인 픽셀: {n_constant}개")
# --8<-- [end:summary]

# --8<-- [start:figure]
first_of_each = [int(np.flatnonzero(digits.target == d)[0]) for d in range(n_classes)]  # 숫자마다 첫 이미지
fig, axes = plt.subplots(2, 5, figsize=(6, 2.8))
for ax, i in zip(axes.flat, first_of_each):
    ax.imshow(digits.images[i], cmap="gray_r", vmin=0, vmax=pixel_max)
    ax.set_title(str(digits.target[i]))
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
# --8<-- [end:figure]

image_size = f"{side}×{side}"
