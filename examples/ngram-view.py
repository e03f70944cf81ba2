# The word-embeddings tutorial's n-gram language model on one context: the two context words' embeddings (rows of
# emb, by int64 word indices) are laid side by side by .view((1, -1)), a (2, 3) table becoming one row of 6, which
# a hidden layer with ReLU and an output layer score over the 5 words; nll_loss of log_softmax against the next word.
import torch
import torch.nn.functional as F

emb = torch.tensor([[0.5, -0.25, 1.0], [-1.0, 0.75, 0.25], [0.125, 0.5, -0.5], [1.5, -0.75, 0.0],
                    [-0.25, 0.25, 2.0]], requires_grad=True)
w1 = torch.tensor([[0.1, -0.2, 0.3, 0.0, 0.25, -0.1], [-0.3, 0.2, 0.1, 0.4, -0.25, 0.05],
                   [0.2, 0.2, -0.2, -0.1, 0.1, 0.3], [0.0, -0.4, 0.5, 0.2, -0.1, 0.15]], requires_grad=True)
b1 = torch.tensor([0.1, -0.1, 0.0, 0.2], requires_grad=True)
w2 = torch.tensor([[0.35, 0.1, 0.0, -0.3], [0.2, -0.2, 0.15, 0.05], [-0.1, 0.3, 0.25, 0.0],
                   [0.05, 0.0, -0.35, 0.4], [0.3, -0.15, 0.1, 0.2]], requires_grad=True)
b2 = torch.tensor([0.0, 0.1, -0.1, 0.05, -0.05], requires_grad=True)
context = torch.tensor([0, 2])
target = torch.tensor([3])
embeds = F.embedding(context, emb).view((1, -1))
hidden = F.relu(F.linear(embeds, w1, b1))
scores = F.linear(hidden, w2, b2)
log_probs = F.log_softmax(scores, dim=1)
loss = F.nll_loss(log_probs, target)
print(loss)
loss.backward()
print(emb.grad)
print(w1.grad)
print(b1.grad)
print(w2.grad)
print(b2.grad)
