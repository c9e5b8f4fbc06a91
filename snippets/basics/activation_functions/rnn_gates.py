"""nn.RNN의 기본 비선형 함수와, LSTM 안에서 sigmoid(게이트)와 tanh가 쓰이는 자리를 확인합니다."""

import torch
import torch.nn as nn

# --8<-- [start:rnn]
rnn = nn.RNN(input_size=4, hidden_size=8)
print("nn.RNN 기본 nonlinearity:", rnn.nonlinearity)
print('nonlinearity="relu"로 만들면:', nn.RNN(4, 8, nonlinearity="relu").nonlinearity)
# --8<-- [end:rnn]

# --8<-- [start:lstm]
# nn.LSTM 한 스텝을 식대로 다시 계산해 결과가 같은지 봅니다.
torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3).double()          # 비교를 위해 float64
x = torch.randn(1, 1, 4, dtype=torch.float64)  # (시간 1, 배치 1, 입력 4)
h0, c0 = torch.zeros(1, 1, 3, dtype=torch.float64), torch.zeros(1, 1, 3, dtype=torch.float64)
out, (h1, c1) = lstm(x, (h0, c0))

gates = (x[0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0
         + h0[0] @ lstm.weight_hh_l0.T + lstm.bias_hh_l0)
i, f, g, o = gates.chunk(4, dim=1)           # PyTorch의 순서: 입력, 망각, 후보, 출력
i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)   # 게이트: sigmoid (0~1의 비율)
g = torch.tanh(g)                                                # 후보 값: tanh (−1~1)
c_manual = f * c0[0] + i * g
h_manual = o * torch.tanh(c_manual)                              # 셀 상태를 내보낼 때도 tanh

lstm_gap = max((h_manual - h1[0]).abs().max().item(), (c_manual - c1[0]).abs().max().item())
print(f"식으로 계산한 h, c 와 nn.LSTM 결과의 최대 차이: {lstm_gap:.1e}")
# --8<-- [end:lstm]
