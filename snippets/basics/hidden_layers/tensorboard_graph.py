"""TensorBoard에 모델 그래프를 기록하고, 기록된 파일을 다시 읽어 그래프가 들어 있는지 확인합니다."""

from pathlib import Path

import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter

# --8<-- [start:write]
torch.manual_seed(0)
input_size = 20
model = nn.Sequential(
    nn.Linear(input_size, 128), nn.ReLU(),
    nn.Linear(128, 128), nn.ReLU(),
    nn.Linear(128, 1),
)

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
# --8<-- [end:check]
