"""Write a tiny random-weights llama GGUF model, for end-to-end tests of a real server.

No model can be downloaded on the test machines, and a test only needs a
server that speaks the OpenAI API: what the model says does not matter.
The vocabulary is SentencePiece-style with byte fallback, so any text can be
tokenized. Usage: ``python scripts/make_tiny_gguf.py OUT.gguf``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gguf
import numpy as np

EMBED, HEADS, LAYERS, FFN, CONTEXT = 64, 4, 2, 128, 2048
WORDS = ["▁hola", "▁nivel", "▁agua", "▁pozo", "▁Macaya", "▁sensor", "▁el", "▁la", "▁de", ".", ","]
# ChatML: llama.cpp's server renders the conversation with it (and its tools).
CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] or '' }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def vocabulary() -> tuple[list[str], list[float], list[int]]:
    """Tokens, scores and types: control tokens, the 256 bytes, a few words."""
    control = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
    types = [gguf.TokenType.UNKNOWN] + [gguf.TokenType.CONTROL] * 4
    tokens = control + [f"<0x{b:02X}>" for b in range(256)] + WORDS
    types += [gguf.TokenType.BYTE] * 256 + [gguf.TokenType.NORMAL] * len(WORDS)
    scores = [0.0] * (len(control) + 256) + [-float(i) for i in range(len(WORDS))]
    return tokens, scores, [int(t) for t in types]


def write(path: Path, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    tokens, scores, types = vocabulary()
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("botk-tiny-random")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBED)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FFN)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(HEADS)
    writer.add_rope_dimension_count(EMBED // HEADS)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    writer.add_token_scores(scores)
    writer.add_token_types(types)
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(4)  # <|im_end|> closes a ChatML turn
    writer.add_unk_token_id(0)
    writer.add_chat_template(CHAT_TEMPLATE)
    for name, shape in tensors(len(tokens)):
        writer.add_tensor(name, (rng.standard_normal(shape) * 0.02).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def tensors(vocab: int) -> list[tuple[str, tuple[int, ...]]]:
    """Tensor names and numpy shapes (rows = outputs) of a llama model."""
    shapes = [("token_embd.weight", (vocab, EMBED)), ("output_norm.weight", (EMBED,))]
    shapes.append(("output.weight", (vocab, EMBED)))
    for i in range(LAYERS):
        shapes += [
            (f"blk.{i}.attn_norm.weight", (EMBED,)),
            (f"blk.{i}.attn_q.weight", (EMBED, EMBED)),
            (f"blk.{i}.attn_k.weight", (EMBED, EMBED)),
            (f"blk.{i}.attn_v.weight", (EMBED, EMBED)),
            (f"blk.{i}.attn_output.weight", (EMBED, EMBED)),
            (f"blk.{i}.ffn_norm.weight", (EMBED,)),
            (f"blk.{i}.ffn_gate.weight", (FFN, EMBED)),
            (f"blk.{i}.ffn_up.weight", (FFN, EMBED)),
            (f"blk.{i}.ffn_down.weight", (EMBED, FFN)),
        ]
    return shapes


if __name__ == "__main__":
    write(Path(sys.argv[1]))
