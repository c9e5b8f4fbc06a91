"""PyTorch 층의 기본 활성화 함수: 순환 층(nn.RNN, nn.LSTM)과 Transformer 층."""

import torch.nn as nn

import verdicts  # 사이트의 모든 판정을 내리는 규칙 (snippets/verdicts.py)

# --8<-- [start:defaults]
rnn = nn.RNN(input_size=4, hidden_size=8)
rnn_default = rnn.nonlinearity                    # 지정하지 않았을 때의 활성화 함수
print(f"nn.RNN의 기본 nonlinearity: {rnn_default}")

try:                                              # LSTM에서 활성화 함수를 바꿀 수 있는가
    nn.LSTM(input_size=4, hidden_size=8, nonlinearity="relu")
    lstm_accepts_nonlinearity = True
except TypeError as error:
    lstm_accepts_nonlinearity = False
    print(f"nn.LSTM(..., nonlinearity='relu') → TypeError: {error}")

layer = nn.TransformerEncoderLayer(d_model=8, nhead=2)
transformer_default = layer.activation.__name__   # 원 논문(Vaswani 등 2017)을 따른 기본값
print(f"nn.TransformerEncoderLayer의 기본 activation: {transformer_default}")
# --8<-- [end:defaults]

# "Tanh: RNN, LSTM에서 가끔 사용"의 판정: 가끔 쓰는 것이라면 기본값이 아니거나 바꿀 수 있어야 합니다
rnn_tanh_claim = verdicts.claim(
    rnn_not_default=rnn_default != "tanh",      # nn.RNN에서 tanh가 기본값이 아닌가
    lstm_replaceable=lstm_accepts_nonlinearity,  # nn.LSTM 안의 tanh를 다른 함수로 바꿀 수 있는가
)
