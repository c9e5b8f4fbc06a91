"""TensorBoard에 모델 그래프를 기록하고, 기록된 파일을 다시 읽어 그래프가 들어 있는지 확인합니다."""

from pathlib import Path

import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter

# --8<-- [start:write]
# 원문의 조각에는 input_size와 model이 정의되어 있지 않습니다. 이 페이지의 "깊이" 절과 같은 값과 모델을 씁니다.
torch.manual_seed(0)
input_size, output_size = 20, 1


def deep_mlp(num_linear, width=128):
    """Linear 층 num_linear개(은닉층 num_linear - 1개)와 그 사이의 ReLU."""
    layers = [nn.Linear(input_size, width), nn.ReLU()]
    for _ in range(num_linear - 2):
        layers += [nn.Linear(width, width), nn.ReLU()]
    layers.append(nn.Linear(width, output_size))
    return nn.Sequential(*layers)


model = deep_mlp(9)                              # 원문의 "깊은 네트워크 (9층)": Linear 9개

# 여기부터 원문 코드 그대로
writer = SummaryWriter("runs/experiment_1")      # 현재 폴더 아래 runs/experiment_1/ 에 기록
dummy_input = torch.randn(1, input_size)
writer.add_graph(model, dummy_input)             # 입력 하나를 흘려 계산 그래프를 추적해 기록
writer.close()
# --8<-- [end:write]

# --8<-- [start:check]
event_files = sorted(Path("runs/experiment_1").glob("events.out.tfevents.*"))
print(f"이벤트 파일 {len(event_files)}개")
for path in event_files:
    size = path.stat().st_size
    print(f"  events.out.tfevents.* 크기 {size:,} 바이트")

# 기록된 이벤트를 TensorBoard의 로더로 다시 읽어 그래프(GraphDef)를 꺼냅니다.
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto import graph_pb2

acc = EventAccumulator("runs/experiment_1")
acc.Reload()
graph = graph_pb2.GraphDef()
graph.ParseFromString(acc.Graph().SerializeToString())
ops = sorted({node.op for node in graph.node})
linear_nodes = [n.name for n in graph.node if n.op == "aten::linear"]
print(f"그래프 노드 {len(graph.node)}개, 연산 종류: {', '.join(ops)}")
print("aten::linear 노드:", len(linear_nodes), "개")
graph_node_count = len(graph.node)
graph_linear_count = len(linear_nodes)
model_linear_count = sum(isinstance(m, nn.Linear) for m in model)
# --8<-- [end:check]
