"""RapidOCR (PyPI `rapidocr`, its default models and settings) as a line reader for the benchmark.

Reads one JSON request per line on stdin, {"image": "<base64>"}, and answers one JSON line on
stdout: {"lines": [{"text", "score", "box"}]} in RapidOCR's order, or {"error": "..."}, each with
"max_rss_kib", the process's peak resident memory so far.
"""

import base64
import json
import resource
import sys

from rapidocr import RapidOCR


def main() -> None:
    engine = RapidOCR()
    for request in sys.stdin:
        try:
            image = base64.b64decode(json.loads(request)["image"])
            result = engine(image)
            lines = []
            if result.txts is not None:
                for text, score, box in zip(result.txts, result.scores, result.boxes):
                    lines.append(
                        {"text": text, "score": float(score), "box": [[float(x), float(y)] for x, y in box]}
                    )
            answer = {"lines": lines}
        except Exception as error:  # an unreadable image is an answer, not the end of the run
            answer = {"error": f"{type(error).__name__}: {error}"}
        answer["max_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(answer, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
