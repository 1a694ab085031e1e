"""Prints the characters the template's value typeface can draw, as a JSON list of code points.

Pillow draws a character the font lacks as nothing at all, so a name or place holding one would
be printed without it while its ground truth keeps it; the caller picks only what this lists.
"""

import importlib.util
import json
import os

from fontTools.ttLib import TTFont

PACKAGE = importlib.util.find_spec('idcardgenerator').submodule_search_locations[0]
VALUE_FONT = os.path.join(PACKAGE, 'usedres', 'hei.ttf')

print(json.dumps(sorted(TTFont(VALUE_FONT).getBestCmap().keys())))
