# The batch-1024 training step of TrainingStepBenchmark as a program users run: `steps` steps of zero_grad, forward,
# backward and SGD update, printing the loss every steps // 10 steps. run_step_benchmark.sh runs copies of it with
# two step counts with gradviz and with python + torch; the difference of the two times over the difference of the
# step counts is one step's cost once everything is warm, start-up and warm-up left out.
import torch
import torch.nn.functional as F

steps = 20000
torch.set_num_threads(1)
torch.manual_seed(0)
x = torch.randn(1024, 5)
y = torch.zeros(1024, 3)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
opt = torch.optim.SGD([w, b], lr=0.1)
for step in range(steps):
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(x @ w + b, y)
    loss.backward()
    opt.step()
    if step % (steps // 10) == 0:
        print(step, loss.item())
