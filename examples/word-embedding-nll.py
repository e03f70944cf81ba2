# Two contexts of two words each look up their embeddings (rows of the table emb, by int64 word indices),
# flattened to one row of 6 per context; a linear layer scores the 5 words of the vocabulary, log_softmax makes
# log-probabilities and nll_loss takes minus the mean log-probability of each context's next word (int64 classes).
import torch
import torch.nn.functional as F

emb = torch.tensor([[0.5, -0.25, 1.0], [-1.0, 0.75, 0.25], [0.125, 0.5, -0.5], [1.5, -0.75, 0.0],
                    [-0.25, 0.25, 2.0]], requires_grad=True)
w = torch.tensor([[0.1, -0.2, 0.3, 0.0, 0.25, -0.1], [-0.3, 0.2, 0.1, 0.4, -0.25, 0.05],
                  [0.2, 0.2, -0.2, -0.1, 0.1, 0.3], [0.0, -0.4, 0.5, 0.2, -0.1, 0.15],
                  [0.35, 0.1, 0.0, -0.3, 0.2, -0.2]], requires_grad=True)
b = torch.tensor([0.1, -0.1, 0.0, 0.2, -0.2], requires_grad=True)
context = torch.tensor([[0, 2], [4, 1]])
target = torch.tensor([3, 1])
embeds = F.embedding(context, emb)
flat = torch.flatten(embeds, start_dim=1)
scores = F.linear(flat, w, b)
log_probs = F.log_softmax(scores, dim=1)
loss = F.nll_loss(log_probs, target)
print(loss)
loss.backward()
print(emb.grad)
print(w.grad)
print(b.grad)
