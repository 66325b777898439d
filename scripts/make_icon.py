"""Draw Barometer's application icon (rising bars under a gauge arc) into resources/icons/.

Run after changing the design: `python3 -m uv run python scripts/make_icon.py`. Writes
barometer.png (512 px, also the Qt window icon), barometer.ico (Windows: 16-256 px) and
barometer.icns (macOS). Drawn large and downsampled so the small sizes stay crisp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
BACKGROUND = (23, 73, 110)  # dark blue
BARS = (255, 255, 255)
ACCENT = (242, 153, 45)  # orange needle
SCALE = 4  # draw at 4 × 512 and downsample (anti-aliasing)


def draw(size: int = 512) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = big / 16
    pen.rounded_rectangle(
        (0.5 * unit, 0.5 * unit, 15.5 * unit, 15.5 * unit), radius=3 * unit, fill=BACKGROUND
    )
    baseline = 13 * unit
    for index, height in enumerate((2.5, 4.0, 5.5)):
        left = (3.2 + index * 3.5) * unit
        pen.rounded_rectangle(
            (left, baseline - height * unit, left + 2.4 * unit, baseline), radius=0.4 * unit, fill=BARS
        )
    # A gauge arc above the bars with its needle pointing up-right: "barometer".
    box = (3 * unit, 2.2 * unit, 13 * unit, 12.2 * unit)
    pen.arc(box, start=200, end=340, fill=BARS, width=int(0.55 * unit))
    centre = (8 * unit, 7.2 * unit)
    tip = (11.2 * unit, 3.9 * unit)
    pen.line((centre, tip), fill=ACCENT, width=int(0.7 * unit))
    radius = 0.75 * unit
    pen.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), fill=ACCENT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(out: Path = OUT) -> int:
    out.mkdir(parents=True, exist_ok=True)
    icon = draw(512)
    icon.save(out / "barometer.png")
    icon.save(out / "barometer.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icon.save(out / "barometer.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
