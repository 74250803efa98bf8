"""Alt text for every figure of the book (issue 21): cell id -> what the figure shows.

myst-nb reads a code cell's metadata ``mystnb: {image: {alt: "..."}}`` and writes it as the
``alt`` of the cell's output images (for a cell of several images, such as chapter 6's stepped
walk, every step gets it). This script writes that metadata into the notebooks, keeping every
other key (a figure's caption and name stay). It is idempotent: a second run changes nothing.
Cells are found by id in every notebook under ``book/``; an id not found is reported (a cell
renamed or removed), an alt text already there and different is replaced by ours.

    .venv/bin/python tools/alt_text.py          # write
    .venv/bin/python tools/alt_text.py --check  # exit 1 if a notebook would change

Only the metadata changes: no output is touched, so nbval's stored outputs stay exact.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ALT: dict[str, str] = {
    # --- chapter 1: a single neuron
    "4d16094d": "Scatter plot of the OR gate's four examples in the (x1, x2) plane: (0, 0) is marked "
                "as label 0, the other three corners as label 1.",
    "e42df6b5": "The sigmoid curve for z from -6 to 6, an S rising from near 0 to near 1 through 0.5 "
                "at z = 0, with a black dot at our neuron's z and y-hat.",
    "00327a11": "Computational graph of the neuron for the first OR example: inputs x1, x2, weights "
                "w1, w2 and bias b feed z, z feeds y-hat = sigma(z), y-hat feeds the loss L; each "
                "node shows its forward value.",
    "27c1021a": "The squared-error loss for label 0 as y-hat goes from 0 to 1, a parabola rising "
                "from 0 to 0.5, with a black dot at our y-hat and its loss.",
    "d86bebc5": "The neuron's graph with the first backward step: the gradient of the loss with "
                "respect to y-hat written on the arrow from L back to y-hat.",
    "bed6c27f": "The neuron's graph one step further back: the sigmoid's local gradient and the "
                "gradient of the loss with respect to z on the arrow into z.",
    "d4778805": "The neuron's graph with the gradients of the loss with respect to w1, w2 and b on "
                "the arrows back to the parameters.",
    "f6cbdb77": "The whole forward and backward pass of the neuron for the second OR example, "
                "x = (0, 1), to four decimals: each node's value and each arrow's gradient.",
    # --- chapter 3: the learning rate
    "0a3f8fe8": "Two panels of gradient descent on the same parabola from theta = -8: on the left "
                "with a small learning rate the steps creep down one side, on the right with a "
                "large one they jump across the minimum.",
    "5e1c67bd": "Two panels of gradient descent on the parabola: with alpha = 5e-10 a thousand "
                "steps barely move, with alpha = 50 three steps fly off away from the minimum.",
    "c0b18bf1": "Cost of the sigmoid neuron on the OR data against the epoch (log cost), one "
                "curve per learning rate: the larger rates fall fastest.",
    "42b5f37e": "A slice of the neuron's cost as the bias goes from -15 to 15 with the weights "
                "fixed at 0.1 and 0.6: a smooth valley, flat at both ends.",
    # --- chapter 4: cost and vectorization
    "ch04-10": "The four OR examples along the horizontal axis: each label as a dot and each "
               "prediction as a dot, joined by a vertical line whose length is the error.",
    "ch04-11": "Computational graph of the neuron on the whole batch at once: X, W and b feed Z, "
               "Z feeds Y-hat, Y-hat and Y feed the cost; each node shows its matrix of values.",
    "ch04-15": "The batch graph with the backward pass: the gradient of the cost on every arrow "
               "back from the cost to Y-hat, Z, W and b.",
    "ch04-25": "Learning curve of one neuron on the OR gate with alpha = 1: the cost falls "
               "steeply in the first few hundred epochs and then flattens over 5000 epochs.",
    "ch04-30": "Two panels for the trained neuron on the OR data: the decision boundary, a "
               "straight line separating (0, 0) from the other three points, and the regions "
               "predicted 0 and 1 shaded on each side of it.",
    # --- chapter 4b: the sum of paths
    "ch04b-05": "A small graph where one input reaches the output along two paths; each path's "
                "product of local gradients is shown, and the gradient is their sum.",
    "ch04b-08": "Graph of the batch neuron with the bias b shared by every example: one arrow "
                "from b to each example's z, each carrying that example's gradient, summed at b.",
    "ch04b-11": "The same graph for the weights W: one arrow from W to each example's z, each "
                "carrying that example's gradient times its input, summed at W.",
    # --- chapter 5: feature crosses
    "ch05-05": "Scatter plot of the XOR gate's four examples: (0, 0) and (1, 1) labelled 0, "
               "(0, 1) and (1, 0) labelled 1, so no straight line separates them.",
    "ch05-12": "The XOR data spread over the four quadrants around the origin, with the axes "
               "drawn: label 1 in two opposite quadrants, label 0 in the other two.",
    "ch05-17": "Computational graph of the neuron with the crossed feature x1 times x2 as a "
               "third input, with the backward pass's gradients on the arrows.",
    "ch05-23": "Two panels for the neuron with the feature cross on XOR: a curved decision "
               "boundary that separates the two labels, and the regions predicted 0 and 1 shaded.",
    # --- chapter 6: the hidden layer
    "ch06-10": "One step of the walk through the 2-3-1 network for one example: the graph of "
               "the two inputs, the three hidden units and the output, with the values and "
               "gradients computed so far written beside their nodes and arrows.",
    "ch06-12": "Computational graph of the 2-3-1 network layer by layer, X, Z1, A1, Z2, A2 and "
               "the cost, with the backward pass's gradients on the arrows.",
    "ch06-20": "Two panels for the 2-3-1 network on XOR with alpha = 1: the learning curve, the "
               "cost falling over 5000 epochs, and the regions it predicts 0 and 1, which "
               "separate the XOR labels.",
    "ch06-22": "One panel per hidden unit and one for the output: each shows how that unit "
               "responds over the input plane, with the four XOR examples marked.",
}


def with_alt_text(text: str) -> tuple[str, set[str]]:
    """A notebook's JSON with our alt texts in its cells' metadata, and the ids it has."""
    nb = json.loads(text)
    found = set()
    for cell in nb["cells"]:
        cid = cell.get("id")
        if cell["cell_type"] == "code" and cid in ALT:
            found.add(cid)
            mystnb = cell.setdefault("metadata", {}).setdefault("mystnb", {})
            mystnb.setdefault("image", {})["alt"] = ALT[cid]
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", found  # as nbformat writes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a notebook would change")
    args = parser.parse_args(argv)
    changed, found = [], set()
    for notebook in sorted((ROOT / "book").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in notebook.parts:
            continue
        text = notebook.read_text(encoding="utf-8")
        new, seen = with_alt_text(text)
        found |= seen
        if new != text:
            changed.append(notebook.relative_to(ROOT).as_posix())
            if not args.check:
                notebook.write_text(new, encoding="utf-8")
    for cid in sorted(ALT.keys() - found):
        print(f"no code cell with id {cid!r} in book/: its alt text was not written", file=sys.stderr)
    print(("would change: " if args.check else "changed: ") + (", ".join(changed) or "nothing"))
    return 1 if (args.check and changed) or (ALT.keys() - found) else 0


if __name__ == "__main__":
    sys.exit(main())
