"""PyTorch 층의 기본 활성화 함수: 순환 층(nn.RNN, nn.LSTM)과 Transformer 층."""

import torch.nn as nn

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
