# Scalar logistic regression: one weight, one bias, binary cross-entropy on the sigmoid.
import torch
import torch.nn.functional as F

x = torch.tensor(1.5)
target = torch.tensor(1.0)
w = torch.tensor(0.8, requires_grad=True)
b = torch.tensor(-0.3, requires_grad=True)
z = w * x + b
y_pred = torch.sigmoid(z)
loss = F.binary_cross_entropy(y_pred, target)
print(loss)
loss.backward()
print(w.grad)
print(b.grad)
