"""Draws card faces on the blank card template of the idcardgenerator package (PyPI).

Reads a JSON list of faces to print from the file named first, and writes for each entry
`<out>/<index>-front.png` and `<out>/<index>-back.png`, each face cut from the template's page
with the margin named third, in pixels. The places and type sizes are the package's own;
addresses wrap every eleven characters, as the package wraps them.
"""

import importlib.util
import json
import os
import sys

from PIL import Image, ImageDraw, ImageFont

# The package's own module starts its window toolkit on import, so only its files are used.
PACKAGE = importlib.util.find_spec('idcardgenerator').submodule_search_locations[0]
ASSETS = os.path.join(PACKAGE, 'usedres')
# Where each face lies on the template's page, in its pixels; each is cut out with the margin
# of desk the caller asks for (third argument) around it.
FACES = {'front': (288, 496, 2170, 1674), 'back': (288, 1906, 2170, 3100)}
ADDRESS_LINE = 11
INK = (0, 0, 0)


def font(name, size):
    return ImageFont.truetype(os.path.join(ASSETS, name), size)


def main():
    entries = json.load(open(sys.argv[1], encoding='utf-8'))
    out = sys.argv[2]
    margin = int(sys.argv[3])
    template = Image.open(os.path.join(ASSETS, 'empty.png')).convert('RGB')
    name_font, value_font = font('hei.ttf', 72), font('hei.ttf', 60)
    date_font, number_font = font('fzhei.ttf', 60), font('ocrb10bt.ttf', 72)
    for index, entry in enumerate(entries):
        page = template.copy()
        draw = ImageDraw.Draw(page)
        draw.text((630, 690), entry['name'], fill=INK, font=name_font)
        draw.text((630, 840), entry['sex'], fill=INK, font=value_font)
        draw.text((1030, 840), entry['ethnicity'], fill=INK, font=value_font)
        draw.text((630, 980), entry['birthYear'], fill=INK, font=date_font)
        draw.text((950, 980), entry['birthMonth'], fill=INK, font=date_font)
        draw.text((1150, 980), entry['birthDay'], fill=INK, font=date_font)
        address = entry['address']
        for line, start in enumerate(range(0, len(address), ADDRESS_LINE)):
            chunk = address[start:start + ADDRESS_LINE]
            draw.text((630, 1120 + 100 * line), chunk, fill=INK, font=value_font)
        draw.text((950, 1475), entry['number'], fill=INK, font=number_font)
        draw.text((1050, 2750), entry['issue'], fill=INK, font=value_font)
        draw.text((1050, 2895), entry['validity'], fill=INK, font=value_font)
        for face, (left, top, right, bottom) in FACES.items():
            box = (left - margin, top - margin, right + margin, bottom + margin)
            page.crop(box).save(os.path.join(out, f'{index:03d}-{face}.png'))


main()
