#!/usr/bin/env python3
"""Draw the illustrations of the Vigie demo bulletin.

Flat, geometric illustrations for the demo stories of bulletin no. 58
(December 2023): no text, no real logos or flags, no faces, only shapes.
They are illustrations, not photographs of the events, and their captions
say so (images.toml).

Each image is drawn at twice its final size and scaled down (anti-aliasing),
then given a light grain and vignette so that it compresses like a photo.
The output is deterministic for a given Pillow version: every random choice
comes from a fixed seed, and only Pillow is needed (no numpy).

Usage:
    python3 tools/demo-images/make_images.py [OUTPUT_DIR]   (default: ./images)
    The committed files are crates/vigie/demo/articles/images/*.jpg.

Writes 1600x1000 JPEG files, quality 88. Licence of the images: CC0 1.0.
"""

import math
import os
import random
import sys

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

W, H = 1600, 1000  # final size
S = 2  # supersampling factor: drawing happens at W*S x H*S
QUALITY = 88
SEED = 58  # the bulletin's issue number

# A restrained palette: navy, teal, sand and gold.
NAVY_DARK = (18, 30, 50)
NAVY = (30, 48, 76)
NAVY_MID = (44, 70, 104)
TEAL = (42, 120, 122)
TEAL_LIGHT = (110, 186, 180)
SAND_LIGHT = (242, 236, 224)
GOLD = (200, 160, 76)
WOOD_DARK = (96, 66, 42)
WHITE = (250, 248, 243)
SKY_TOP = (120, 170, 206)
SKY_LOW = (236, 222, 196)


# --------------------------------------------------------------------------
# Helpers. Coordinates are given in final pixels and scaled by S here.


def s(v):
    """A length in final pixels, at drawing scale."""
    return int(round(v * S))


def pts(points):
    """A list of points in final pixels, at drawing scale."""
    return [(x * S, y * S) for x, y in points]


def box(x0, y0, x1, y1):
    return [s(x0), s(y0), s(x1), s(y1)]


def lerp(a, b, t):
    return a + (b - a) * t


def mix(c1, c2, t):
    """The colour a fraction t of the way from c1 to c2."""
    return tuple(int(round(lerp(a, b, t))) for a, b in zip(c1, c2))


def new_canvas(colour=NAVY):
    return Image.new("RGB", (W * S, H * S), colour)


def gradient(size, stops, horizontal=False):
    """An RGB image filled with a linear gradient through colour stops.

    stops: [(position 0..1, colour), ...], sorted by position.
    """
    lut = []
    for i in range(256):
        t = i / 255
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if p0 <= t <= p1:
                lut.extend(mix(c0, c1, (t - p0) / max(p1 - p0, 1e-9)))
                break
        else:
            lut.extend(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    ramp = Image.linear_gradient("L")
    if horizontal:
        ramp = ramp.rotate(90, expand=True).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    ramp = ramp.resize(size, Image.Resampling.BICUBIC)
    ramp.putpalette(lut)
    return ramp.convert("RGB")


def paste_gradient(img, polygon, stops, horizontal=False):
    """Fill a polygon (final pixels) with a gradient spanning its bounding box."""
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    size = (max(s(x1 - x0), 1), max(s(y1 - y0), 1))
    fill = gradient(size, stops, horizontal)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).polygon([((x - x0) * S, (y - y0) * S) for x, y in polygon], fill=255)
    img.paste(fill, (s(x0), s(y0)), mask)


def paste_gradient_box(img, rect, stops, horizontal=False, radius=0):
    """Fill a (rounded) rectangle (final pixels) with a gradient."""
    x0, y0, x1, y1 = rect
    size = (max(s(x1 - x0), 1), max(s(y1 - y0), 1))
    fill = gradient(size, stops, horizontal)
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, size[0] - 1, size[1] - 1], radius=s(radius), fill=255)
    img.paste(fill, (s(x0), s(y0)), mask)


def shadow(img, draw_shapes, offset=(0, 10), blur=14, opacity=0.35, colour=(8, 14, 24)):
    """Cast a soft shadow of the shapes that draw_shapes(draw, fill) draws."""
    mask = Image.new("L", img.size, 0)
    draw_shapes(ImageDraw.Draw(mask), 255)
    mask = mask.filter(ImageFilter.GaussianBlur(s(blur)))
    mask = mask.point(lambda v: int(v * opacity))
    shade = Image.new("RGB", img.size, colour)
    moved = Image.new("L", img.size, 0)
    moved.paste(mask, (s(offset[0]), s(offset[1])))
    img.paste(shade, (0, 0), moved)


def glow(img, centre, radius, colour, opacity=0.6):
    """A soft round light, brightest at its centre."""
    cx, cy = centre
    rx, ry = (radius, radius) if isinstance(radius, (int, float)) else radius
    size = (max(s(2 * rx), 2), max(s(2 * ry), 2))
    mask = ImageOps.invert(Image.radial_gradient("L")).resize(size, Image.Resampling.BICUBIC)
    mask = mask.point(lambda v: int(max(0, v * 2 - 255) * opacity))
    img.paste(Image.new("RGB", size, colour), (s(cx - rx), s(cy - ry)), mask)


def translucent(img, draw_shapes, colour, opacity):
    """Draw shapes in a colour at a given opacity."""
    mask = Image.new("L", img.size, 0)
    draw_shapes(ImageDraw.Draw(mask), int(255 * opacity))
    img.paste(Image.new("RGB", img.size, colour), (0, 0), mask)


def finish(img, path, seed, grain=4, vignette=0.28):
    """Scale down, add grain and vignette, save as JPEG."""
    img = img.resize((W, H), Image.Resampling.LANCZOS)
    # Vignette: darken the corners a little.
    ring = Image.radial_gradient("L").resize((W, H), Image.Resampling.BICUBIC)
    ring = ring.point(lambda v: int(max(0, v - 150) / 105 * 255 * vignette))
    img.paste(Image.new("RGB", (W, H), (6, 10, 18)), (0, 0), ring)
    # Grain: seeded uniform noise, slightly softened, centred on 128.
    rnd = random.Random(seed)
    noise = Image.frombytes("L", (W, H), rnd.randbytes(W * H))
    noise = noise.filter(ImageFilter.GaussianBlur(0.6))
    noise = noise.point(lambda v: int(128 + (v - 128) * grain / 40))
    img = ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), scale=1.0, offset=-128)
    img.save(path, "JPEG", quality=QUALITY, optimize=True)


# --------------------------------------------------------------------------
# Figures: silhouettes without faces.


def seated(d, x, y, sc, colour, chair=None):
    """Head and shoulders of a seated person; (x, y) is the chest line."""
    if chair:
        d.rounded_rectangle(box(x - 27 * sc, y - 62 * sc, x + 27 * sc, y + 34 * sc), radius=s(10 * sc), fill=chair)
    d.rounded_rectangle(box(x - 23 * sc, y - 36 * sc, x + 23 * sc, y + 34 * sc), radius=s(15 * sc), fill=colour)
    d.rectangle(box(x - 5 * sc, y - 46 * sc, x + 5 * sc, y - 34 * sc), fill=colour)
    d.ellipse(box(x - 11 * sc, y - 68 * sc, x + 11 * sc, y - 43 * sc), fill=colour)


def from_behind(d, x, y, sc, colour):
    """A member of the audience seen from behind; (x, y) is the shoulder line."""
    d.ellipse(box(x - 34 * sc, y - 6 * sc, x + 34 * sc, y + 60 * sc), fill=colour)
    d.rectangle(box(x - 7 * sc, y - 16 * sc, x + 7 * sc, y + 2 * sc), fill=colour)
    d.ellipse(box(x - 15 * sc, y - 48 * sc, x + 15 * sc, y - 12 * sc), fill=colour)


def walking(d, x, y, sc, colour, stride=1, robe=False):
    """A standing or walking person seen from behind; (x, y) is at the feet."""
    h = 170 * sc
    top = y - h
    head_r = 12 * sc
    d.ellipse(box(x - head_r, top, x + head_r, top + 2.1 * head_r), fill=colour)
    d.rectangle(box(x - 5 * sc, top + 22 * sc, x + 5 * sc, top + 32 * sc), fill=colour)
    if robe:
        # A long robe, widening a little towards the hem.
        d.polygon(pts([(x - 21 * sc, top + 32 * sc), (x + 21 * sc, top + 32 * sc),
                       (x + 26 * sc, y - 4 * sc), (x - 26 * sc, y - 4 * sc)]), fill=colour)
        d.rounded_rectangle(box(x - 22 * sc, top + 28 * sc, x + 22 * sc, top + 48 * sc), radius=s(8 * sc), fill=colour)
        d.rectangle(box(x - 18 * sc, y - 6 * sc, x - 4 * sc, y), fill=NAVY_DARK)
        d.rectangle(box(x + 4 * sc, y - 6 * sc, x + 18 * sc, y), fill=NAVY_DARK)
        return
    # Jacket and arms.
    d.rounded_rectangle(box(x - 22 * sc, top + 28 * sc, x + 22 * sc, top + 100 * sc), radius=s(10 * sc), fill=colour)
    d.rounded_rectangle(box(x - 29 * sc, top + 34 * sc, x - 19 * sc, top + 96 * sc), radius=s(5 * sc), fill=colour)
    d.rounded_rectangle(box(x + 19 * sc, top + 34 * sc, x + 29 * sc, top + 96 * sc), radius=s(5 * sc), fill=colour)
    # Legs: the back leg is a little shorter when walking.
    lift = 8 * sc * stride
    d.polygon(pts([(x - 17 * sc, top + 96 * sc), (x - 1 * sc, top + 96 * sc), (x - 3 * sc, y - lift), (x - 15 * sc, y - lift)]), fill=colour)
    d.polygon(pts([(x + 1 * sc, top + 96 * sc), (x + 17 * sc, top + 96 * sc), (x + 15 * sc, y), (x + 3 * sc, y)]), fill=colour)


def star8(d, cx, cy, r, fill=None, outline=None, width=1):
    """An eight-pointed star, two overlapping squares."""
    for a0 in (0, math.pi / 4):
        corners = [(cx + r * math.cos(a0 + k * math.pi / 2), cy + r * math.sin(a0 + k * math.pi / 2)) for k in range(4)]
        d.polygon(pts(corners), fill=fill, outline=outline, width=s(width) if outline else 0)


def padlock(d, cx, cy, r, body, shackle):
    d.arc(box(cx - 0.62 * r, cy - 1.25 * r, cx + 0.62 * r, cy + 0.05 * r), 180, 360, fill=shackle, width=s(0.2 * r))
    d.line(pts([(cx - 0.52 * r, cy - 0.6 * r), (cx - 0.52 * r, cy - 0.05 * r)]), fill=shackle, width=s(0.2 * r))
    d.line(pts([(cx + 0.52 * r, cy - 0.6 * r), (cx + 0.52 * r, cy - 0.05 * r)]), fill=shackle, width=s(0.2 * r))
    d.rounded_rectangle(box(cx - 0.9 * r, cy - 0.15 * r, cx + 0.9 * r, cy + r), radius=s(0.18 * r), fill=body)
    d.ellipse(box(cx - 0.14 * r, cy + 0.2 * r, cx + 0.14 * r, cy + 0.48 * r), fill=shackle)
    d.rectangle(box(cx - 0.06 * r, cy + 0.4 * r, cx + 0.06 * r, cy + 0.72 * r), fill=shackle)


# --------------------------------------------------------------------------
# (a) A conference hall with a horseshoe table.


def chiefs_of_staff_meeting(path):
    img = new_canvas(NAVY_DARK)
    d = ImageDraw.Draw(img)
    # The room in one-point perspective: back wall, ceiling, side walls, floor.
    bx0, by0, bx1, by1 = 230, 110, 1370, 470
    paste_gradient(img, [(0, 0), (W, 0), (bx1, by0), (bx0, by0)], [(0, (14, 22, 38)), (1, (26, 40, 62))])
    paste_gradient(img, [(0, 0), (bx0, by0), (bx0, by1), (0, H)], [(0, (34, 54, 82)), (1, (24, 40, 62))], horizontal=True)
    paste_gradient(img, [(W, 0), (W, H), (bx1, by1), (bx1, by0)], [(0, (24, 40, 62)), (1, (34, 54, 82))], horizontal=True)
    paste_gradient(img, [(bx0, by1), (bx1, by1), (W, H), (0, H)], [(0, (40, 84, 96)), (1, (22, 52, 62))])
    paste_gradient_box(img, (bx0, by0, bx1, by1), [(0, (58, 86, 118)), (1, (40, 64, 94))])
    # Ceiling lights in rows, converging towards the back wall.
    for t in (0.2, 0.45, 0.7, 0.9):
        y = lerp(by0, 0, t) + 8
        half = lerp((bx1 - bx0) / 2, W / 2, t)
        for k in range(7):
            x = W / 2 + (k - 3) / 3 * half * 0.82
            r = lerp(7, 16, t)
            glow(img, (x, y), (r * 4, r * 2.2), (255, 240, 210), 0.45)
            d.ellipse(box(x - r, y - r * 0.45, x + r, y + r * 0.45), fill=(255, 246, 228))
    # Wall panels with an eight-pointed star lattice, either side of the screen.
    for px0, px1 in ((bx0 + 20, 520), (1080, bx1 - 20)):
        paste_gradient_box(img, (px0, by0 + 30, px1, by1 - 30), [(0, (150, 112, 74)), (1, (112, 80, 52))])
        for gy in range(0, 5):
            for gx in range(0, 7):
                cx = px0 + 26 + gx * 46 + (23 if gy % 2 else 0)
                cy = by0 + 66 + gy * 62
                if px0 + 16 < cx < px1 - 16:
                    star8(d, cx, cy, 16, fill=(166, 126, 84))
                    d.ellipse(box(cx - 4, cy - 4, cx + 4, cy + 4), fill=(120, 86, 56))
    # The central screen: a globe with links, no writing.
    sx0, sy0, sx1, sy1 = 560, 140, 1040, 400
    shadow(img, lambda dd, f: dd.rectangle(box(sx0, sy0, sx1, sy1), fill=f), offset=(0, 8), blur=14, opacity=0.5)
    d.rectangle(box(sx0 - 8, sy0 - 8, sx1 + 8, sy1 + 8), fill=(16, 24, 38))
    paste_gradient_box(img, (sx0, sy0, sx1, sy1), [(0, (36, 110, 140)), (1, (20, 62, 96))])
    gcx, gcy, gr = 800, 270, 100
    glow(img, (gcx, gcy), 190, TEAL_LIGHT, 0.35)
    d.ellipse(box(gcx - gr, gcy - gr, gcx + gr, gcy + gr), outline=(200, 236, 232), width=s(3))
    for k in (0.35, 0.7):
        d.ellipse(box(gcx - gr * k, gcy - gr, gcx + gr * k, gcy + gr), outline=(160, 214, 210), width=s(2))
    for yy in (-0.5, 0, 0.5):
        half = gr * math.sqrt(1 - yy * yy)
        d.line(pts([(gcx - half, gcy + yy * gr), (gcx + half, gcy + yy * gr)]), fill=(160, 214, 210), width=s(2))
    nodes = [(735, 205), (850, 228), (868, 318), (760, 330), (700, 272), (808, 270)]
    for a, b in ((0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (5, 0), (5, 2), (5, 3), (5, 1)):
        d.line(pts([nodes[a], nodes[b]]), fill=(232, 200, 120), width=s(2))
    for x, y in nodes:
        glow(img, (x, y), 18, (250, 220, 150), 0.5)
        d.ellipse(box(x - 6, y - 6, x + 6, y + 6), fill=GOLD)
    # A light wash on the floor in front of the screen.
    glow(img, (800, 560), (520, 120), (120, 180, 190), 0.25)
    # A round rug at the heart of the horseshoe.
    d.ellipse(box(600, 640, 1000, 760), fill=(30, 70, 80))
    d.ellipse(box(640, 655, 960, 745), outline=(196, 164, 96), width=s(3))
    d.ellipse(box(700, 675, 900, 725), outline=(196, 164, 96), width=s(2))
    # The horseshoe table: a back arc and two arms opening towards us.
    cx, cy = 800, 600
    orx, ory, irx, iry = 480, 150, 365, 96
    y_end = 1000
    arc_out = [(cx + orx * math.cos(t), cy + ory * math.sin(t)) for t in [math.pi + i * math.pi / 60 for i in range(61)]]
    arc_in = [(cx + irx * math.cos(t), cy + iry * math.sin(t)) for t in [2 * math.pi - i * math.pi / 60 for i in range(61)]]
    lo_out, lo_in = cx - orx - 150, cx - irx - 115  # where the left arm leaves the picture
    table = arc_out + [(2 * cx - lo_out, y_end), (2 * cx - lo_in, y_end)] + arc_in + [(lo_in, y_end), (lo_out, y_end)]

    def arm_x(y, outer, left):
        """x of an arm's edge at height y."""
        t = (y - cy) / (y_end - cy)
        x = lerp(cx - (orx if outer else irx), lo_out if outer else lo_in, t)
        return x if left else 2 * cx - x

    # Delegates: behind the back arc, then along both arms, far to near.
    people = []
    for i in range(13):
        t = math.pi + (i + 0.5) / 13 * math.pi
        x = cx + (orx + 6) * math.cos(t)
        y = cy + (ory + 4) * math.sin(t)
        people.append((y, x, 1.05 + 0.3 * (y - (cy - ory)) / ory))
    for k in range(4):
        y = cy + 70 + k * 80
        sc = 1.35 + 0.5 * (y - cy) / (y_end - cy)
        for left in (True, False):
            x = arm_x(y, True, left) + (-1 if left else 1) * 6 * sc
            people.append((y, x, sc))
    people.sort()
    suits = [NAVY_DARK, (26, 36, 56), (38, 44, 60), (58, 70, 92), (226, 220, 206)]
    rnd = random.Random(SEED)
    shadow(img, lambda dd, f: [dd.rounded_rectangle(box(x - 28 * sc, y - 60 * sc, x + 28 * sc, y + 30 * sc), radius=s(12), fill=f) for y, x, sc in people], offset=(0, 6), blur=8, opacity=0.4)
    for y, x, sc in people:
        seated(d, x, y, sc, rnd.choice(suits), chair=(70, 44, 34))
    # Table: edge, then top, with blank name plates and microphones.
    shadow(img, lambda dd, f: dd.polygon(pts(table), fill=f), offset=(0, 22), blur=16, opacity=0.5)
    d.polygon(pts([(x, y + 16) for x, y in table]), fill=WOOD_DARK)
    paste_gradient(img, table, [(0, (236, 230, 216)), (1, (210, 200, 182))])
    d.line(pts(arc_in), fill=(150, 118, 84), width=s(3))
    for y, x, sc in people:
        # Shift each place setting from the delegate towards the table's middle.
        dx, dy = cx - x, cy + 120 - y
        norm = math.hypot(dx, dy)
        x, y = x + dx / norm * 34 * sc, y + dy / norm * 20 * sc
        d.rectangle(box(x - 13 * sc, y - 4 * sc, x + 13 * sc, y + 5 * sc), fill=WHITE, outline=(170, 160, 140), width=1)
        d.line(pts([(x + 17 * sc, y + 4 * sc), (x + 11 * sc, y - 14 * sc)]), fill=(40, 40, 44), width=s(1.6))
        d.ellipse(box(x + 9 * sc, y - 17 * sc, x + 14 * sc, y - 12 * sc), fill=(40, 40, 44))
    # Rows of seated audience in the foreground, seen from behind.
    rnd = random.Random(SEED + 1)
    for row, (y, sc, colour) in enumerate(((880, 1.45, (20, 32, 50)), (960, 1.8, (12, 20, 34)))):
        xs = [lerp(-40, W + 40, (k + (0.5 if row % 2 else 0)) / 11) for k in range(12)]
        shadow(img, lambda dd, f: [dd.ellipse(box(x - 40 * sc, y - 10 * sc, x + 40 * sc, y + 70 * sc), fill=f) for x in xs], offset=(0, -6), blur=12, opacity=0.45)
        for x in xs:
            d.rounded_rectangle(box(x - 40 * sc, y - 14 * sc, x + 40 * sc, y + 80 * sc), radius=s(14 * sc), fill=(62, 40, 34))
            from_behind(d, x + rnd.uniform(-8, 8), y + rnd.uniform(-6, 4), sc, mix(colour, NAVY_MID, rnd.uniform(0, 0.35)))
    finish(img, path, SEED + 101)


# --------------------------------------------------------------------------
# (b) A signing desk seen slightly from above.


def mou_signing(path):
    img = new_canvas(NAVY)
    d = ImageDraw.Draw(img)
    # Wall: a soft gradient with tall arched panels.
    paste_gradient_box(img, (0, 0, W, H), [(0, (38, 66, 92)), (0.55, (58, 92, 112)), (1, (30, 50, 70))])
    glow(img, (800, 240), (700, 330), (120, 170, 176), 0.35)
    for k in range(5):
        x0 = 130 + k * 280
        shadow(img, lambda dd, f, x0=x0: dd.rounded_rectangle(box(x0, 60, x0 + 220, 560), radius=s(110), fill=f), offset=(0, 4), blur=10, opacity=0.25)
        paste_gradient_box(img, (x0, 60, x0 + 220, 560), [(0, (70, 108, 128)), (1, (52, 86, 106))], radius=110)
        for gy in range(5):
            for gx in range(3):
                star8(d, x0 + 50 + gx * 60, 150 + gy * 70, 16, outline=(92, 134, 150), width=2)
    # Two high-backed chairs behind the desk, with buttoned leather.
    for cxh in (560, 1040):
        shadow(img, lambda dd, f: dd.rounded_rectangle(box(cxh - 125, 190, cxh + 125, 520), radius=s(40), fill=f), offset=(0, 12), blur=16, opacity=0.45)
        paste_gradient_box(img, (cxh - 125, 190, cxh + 125, 520), [(0, (98, 40, 44)), (1, (66, 26, 30))], horizontal=True, radius=40)
        d.rounded_rectangle(box(cxh - 125, 190, cxh + 125, 520), radius=s(40), outline=(58, 20, 24), width=s(3))
        for gy in range(3):
            for gx in range(4):
                bx = cxh - 72 + gx * 48 + (24 if gy % 2 else 0)
                by = 240 + gy * 52
                if bx < cxh + 100:
                    d.ellipse(box(bx - 4, by - 4, bx + 4, by + 4), fill=(52, 18, 22))
    # The desk top, seen in perspective: far edge narrow, near edge wide.
    far_y, near_y = 440, 1080

    def on_desk(u, v):
        """Image point of desk coordinates (u across, v towards us), both 0..1."""
        x = lerp(lerp(150, 1450, u), lerp(-160, 1760, u), v)
        return (x, lerp(far_y, near_y, v))

    def quad(u0, v0, u1, v1):
        return [on_desk(u0, v0), on_desk(u1, v0), on_desk(u1, v1), on_desk(u0, v1)]

    shadow(img, lambda dd, f: dd.polygon(pts(quad(0, 0, 1, 1)), fill=f), offset=(0, -10), blur=18, opacity=0.5)
    paste_gradient(img, quad(0, 0, 1, 1), [(0, (112, 76, 48)), (0.5, (138, 96, 60)), (1, (104, 70, 44))], horizontal=True)
    d.line(pts([on_desk(0, 0), on_desk(1, 0)]), fill=(176, 132, 88), width=s(4))
    # Wood grain: faint streaks that follow the perspective.
    rnd = random.Random(SEED + 2)
    for _ in range(70):
        u = rnd.random()
        v0 = rnd.uniform(0, 0.9)
        d.line(pts([on_desk(u, v0), on_desk(u + rnd.uniform(-0.01, 0.01), v0 + rnd.uniform(0.05, 0.2))]), fill=mix((126, 88, 54), (96, 64, 40), rnd.random()), width=s(1))
    # A leather desk pad across the front.
    shadow(img, lambda dd, f: dd.polygon(pts(quad(0.06, 0.14, 0.94, 0.86)), fill=f), offset=(0, 6), blur=6, opacity=0.4)
    paste_gradient(img, quad(0.06, 0.14, 0.94, 0.86), [(0, (30, 84, 84)), (1, (22, 64, 66))])
    d.polygon(pts(quad(0.075, 0.16, 0.925, 0.84)), outline=(200, 168, 96), width=s(2))
    # Two open document folders, with lines standing for the text and a
    # signature stroke on each.
    for u0 in (0.17, 0.55):
        u1 = u0 + 0.28
        shadow(img, lambda dd, f: dd.polygon(pts(quad(u0, 0.26, u1, 0.66)), fill=f), offset=(4, 10), blur=8, opacity=0.5)
        d.polygon(pts(quad(u0, 0.26, u1, 0.66)), fill=(20, 34, 58))
        d.polygon(pts(quad(u0 + 0.006, 0.275, u1 - 0.006, 0.645)), outline=GOLD, width=s(2))
        um = (u0 + u1) / 2
        for a, b in ((u0 + 0.012, um - 0.004), (um + 0.004, u1 - 0.012)):
            paste_gradient(img, quad(a, 0.29, b, 0.63), [(0, (250, 246, 236)), (1, (232, 226, 210))], horizontal=True)
            for k in range(9):
                v = 0.33 + k * 0.026
                length = 0.75 if k % 4 == 3 else 0.92
                d.line(pts([on_desk(a + 0.012, v), on_desk(a + 0.012 + (b - a - 0.024) * length, v)]), fill=(176, 172, 164), width=s(2))
        d.line(pts([on_desk(um, 0.275), on_desk(um, 0.645)]), fill=(150, 140, 120), width=s(3))
        sig = []
        for i in range(81):
            t = i / 80
            sig.append(on_desk(um + 0.02 + 0.085 * t + 0.006 * math.sin(6 * math.pi * t),
                               0.6 - 0.013 * math.sin(4 * math.pi * t + 0.5) * (1 - 0.5 * t)))
        d.line(pts(sig), fill=(34, 70, 150), width=s(2), joint="curve")
        # A pen lying across the right-hand page.
        p0 = on_desk(um + 0.03, 0.7)
        p1 = on_desk(u1 + 0.02, 0.52)
        shadow(img, lambda dd, f: dd.line(pts([(p0[0] + 6, p0[1] + 10), (p1[0] + 6, p1[1] + 10)]), fill=f, width=s(16)), offset=(0, 0), blur=5, opacity=0.55)
        d.line(pts([p0, p1]), fill=(24, 24, 30), width=s(15))
        for p in (p0, p1):
            d.ellipse(box(p[0] - 7.5, p[1] - 7.5, p[0] + 7.5, p[1] + 7.5), fill=(24, 24, 30))
        tip = (lerp(p0[0], p1[0], -0.09), lerp(p0[1], p1[1], -0.09))
        d.line(pts([p0, tip]), fill=GOLD, width=s(9))
        band = (lerp(p0[0], p1[0], 0.62), lerp(p0[1], p1[1], 0.62))
        band2 = (lerp(p0[0], p1[0], 0.66), lerp(p0[1], p1[1], 0.66))
        d.line(pts([band, band2]), fill=GOLD, width=s(16))
        hi0 = (lerp(p0[0], p1[0], 0.1), lerp(p0[1], p1[1], 0.1) - 4)
        hi1 = (lerp(p0[0], p1[0], 0.55), lerp(p0[1], p1[1], 0.55) - 4)
        d.line(pts([hi0, hi1]), fill=(90, 92, 104), width=s(3))
    # Water glasses near the far edge, one per signatory.
    for u in (0.12, 0.88):
        x, y = on_desk(u, 0.07)
        shadow(img, lambda dd, f: dd.ellipse(box(x - 30, y - 10, x + 30, y + 14), fill=f), offset=(4, 6), blur=5, opacity=0.5)
        d.ellipse(box(x - 30, y - 8, x + 30, y + 12), fill=(200, 190, 170))
        translucent(img, lambda dd, f: dd.rectangle(box(x - 20, y - 70, x + 20, y), fill=f), (190, 226, 236), 0.55)
        translucent(img, lambda dd, f: dd.ellipse(box(x - 20, y - 77, x + 20, y - 63), fill=f), (230, 246, 250), 0.6)
        d.line(pts([(x - 12, y - 64), (x - 12, y - 8)]), fill=(240, 250, 252), width=s(3))
    # A low flower arrangement in the middle.
    x, y = on_desk(0.5, 0.1)
    shadow(img, lambda dd, f: dd.ellipse(box(x - 90, y - 30, x + 90, y + 30), fill=f), offset=(0, 10), blur=10, opacity=0.5)
    d.rounded_rectangle(box(x - 60, y - 24, x + 60, y + 18), radius=s(10), fill=(226, 220, 206))
    rnd = random.Random(SEED + 3)
    for _ in range(16):
        lx, ly = x + rnd.uniform(-95, 95), y - 30 + rnd.uniform(-30, 10)
        d.ellipse(box(lx - 22, ly - 9, lx + 22, ly + 9), fill=mix((46, 110, 72), (84, 150, 96), rnd.random()))
    for _ in range(14):
        fx, fy = x + rnd.uniform(-75, 75), y - 40 + rnd.uniform(-32, 12)
        r = rnd.uniform(12, 18)
        d.ellipse(box(fx - r, fy - r, fx + r, fy + r), fill=rnd.choice([WHITE, (246, 236, 214), (236, 210, 160)]))
        d.ellipse(box(fx - r * 0.3, fy - r * 0.3, fx + r * 0.3, fy + r * 0.3), fill=GOLD)
    glow(img, (800, 620), (760, 380), (255, 236, 200), 0.18)
    finish(img, path, SEED + 102)


# --------------------------------------------------------------------------
# (c) A headquarters facade, with a delegation walking in.


def palm(d, x, y, height, colour_trunk, colour_leaf):
    """A stylised palm tree whose trunk stands at (x, y)."""
    top = (x + height * 0.06, y - height)
    for k in range(12):
        t0, t1 = k / 12, (k + 1) / 12
        xa, ya = lerp(x, top[0], t0), lerp(y, top[1], t0)
        xb, yb = lerp(x, top[0], t1), lerp(y, top[1], t1)
        w0, w1 = lerp(13, 8, t0) * height / 300, lerp(13, 8, t1) * height / 300
        d.polygon(pts([(xa - w0, ya), (xa + w0, ya), (xb + w1, yb + 2), (xb - w1, yb + 2)]), fill=mix(colour_trunk, (0, 0, 0), 0.15 * (k % 2)))
    for k in range(9):
        angle = math.pi + k / 8 * math.pi  # from left, over the top, to right
        length = height * (0.42 if k in (0, 8) else 0.5)
        spine = []
        for i in range(13):
            t = i / 12
            droop = t * t * length * 0.55
            spine.append((top[0] + math.cos(angle) * length * t, top[1] + math.sin(angle) * length * t * 0.7 + droop))
        left, right = [], []
        for i, (sx, sy) in enumerate(spine):
            w = math.sin(i / 12 * math.pi) * height * 0.045
            left.append((sx, sy - w))
            right.append((sx, sy + w))
        d.polygon(pts(left + right[::-1]), fill=mix(colour_leaf, (0, 0, 0), 0.12 * (k % 2)))


def kyrgyz_visit(path):
    img = new_canvas(SKY_TOP)
    d = ImageDraw.Draw(img)
    horizon = 640
    paste_gradient_box(img, (0, 0, W, horizon), [(0, (104, 160, 204)), (0.75, (196, 214, 220)), (1, SKY_LOW)])
    glow(img, (1340, 110), 220, (255, 248, 228), 0.3)
    # Paved forecourt.
    paste_gradient_box(img, (0, horizon, W, H), [(0, (214, 200, 172)), (1, (182, 164, 130))])
    for k in range(1, 12):
        y = horizon + (H - horizon) * (k / 11) ** 1.6
        d.line(pts([(0, y), (W, y)]), fill=(196, 180, 150), width=s(2))
    for k in range(-12, 13):
        d.line(pts([(800 + k * 60, horizon), (800 + k * 230, H)]), fill=(196, 180, 150), width=s(2))
    # The building: two wings and a taller central block.
    shadow(img, lambda dd, f: dd.rectangle(box(120, horizon - 10, 1480, horizon + 30), fill=f), offset=(0, 6), blur=14, opacity=0.4)
    for x0, x1, top in ((140, 590, 270), (1010, 1460, 270)):
        paste_gradient_box(img, (x0, top, x1, horizon), [(0, (232, 220, 196)), (1, (208, 192, 162))])
        d.rectangle(box(x0, top, x1, top + 22), fill=(196, 178, 144))
        # Glazed bays between stone fins.
        for k in range(6):
            wx0 = x0 + 24 + k * ((x1 - x0 - 24) / 6)
            wx1 = wx0 + (x1 - x0 - 24) / 6 - 24
            for fy0, fy1 in ((top + 48, top + 160), (top + 186, horizon - 40)):
                paste_gradient_box(img, (wx0, fy0, wx1, fy1), [(0, (120, 176, 196)), (1, (52, 104, 126))])
                d.line(pts([(wx0 + 8, fy1 - 10), (wx1 - 10, fy0 + 10)]), fill=(168, 212, 226), width=s(2))
    cx0, cx1, ctop = 590, 1010, 170
    paste_gradient_box(img, (cx0, ctop, cx1, horizon), [(0, (240, 230, 208)), (1, (214, 198, 168))])
    # A band of geometric stars across the top of the central block.
    d.rectangle(box(cx0, ctop, cx1, ctop + 70), fill=(200, 182, 148))
    for k in range(8):
        star8(d, cx0 + 30 + k * 51.5, ctop + 35, 17, fill=(226, 212, 184))
        d.ellipse(box(cx0 + 30 + k * 51.5 - 5, ctop + 30, cx0 + 30 + k * 51.5 + 5, ctop + 40), fill=(200, 182, 148))
    # Entrance: a tall glazed portal under a canopy, lit from inside.
    ex0, ex1, etop = 690, 910, 300
    d.rounded_rectangle(box(ex0 - 18, etop - 18, ex1 + 18, horizon), radius=s(110), fill=(186, 166, 130))
    d.rounded_rectangle(box(ex0, etop, ex1, horizon), radius=s(100), fill=(52, 92, 110))
    paste_gradient_box(img, (ex0 + 40, 440, ex1 - 40, horizon), [(0, (255, 226, 170)), (1, (236, 186, 120))])
    glow(img, (800, 560), (200, 120), (255, 220, 160), 0.5)
    d.line(pts([(800, 440), (800, horizon)]), fill=(150, 120, 84), width=s(4))
    for x in (ex0 + 40, ex1 - 40):
        d.line(pts([(x, 440), (x, horizon)]), fill=(150, 120, 84), width=s(4))
    shadow(img, lambda dd, f: dd.rectangle(box(640, 410, 960, 428), fill=f), offset=(0, 10), blur=8, opacity=0.45)
    d.rectangle(box(640, 410, 960, 428), fill=(90, 84, 80))
    # Steps.
    for k, (w, y) in enumerate(((360, horizon), (400, horizon + 12), (440, horizon + 24))):
        d.rectangle(box(800 - w / 2, y, 800 + w / 2, y + 12), fill=mix((236, 228, 212), (200, 188, 166), k / 3))
        d.line(pts([(800 - w / 2, y + 12), (800 + w / 2, y + 12)]), fill=(170, 156, 130), width=s(2))
    # A carpet from the steps to the foreground.
    carpet = [(752, horizon + 36), (848, horizon + 36), (1010, H), (590, H)]
    shadow(img, lambda dd, f: dd.polygon(pts(carpet), fill=f), offset=(0, 4), blur=4, opacity=0.35)
    paste_gradient(img, carpet, [(0, (150, 44, 48)), (1, (116, 30, 36))])
    d.line(pts([carpet[0], carpet[3]]), fill=GOLD, width=s(3))
    d.line(pts([carpet[1], carpet[2]]), fill=GOLD, width=s(3))
    # Palms along the facade and in the foreground.
    for x, y, h in ((110, 650, 300), (520, 646, 250), (1080, 646, 250), (1490, 650, 300)):
        shadow(img, lambda dd, f, x=x, y=y: dd.ellipse(box(x - 70, y - 10, x + 90, y + 14), fill=f), offset=(10, 0), blur=8, opacity=0.35)
        palm(d, x, y, h, (140, 104, 70), (50, 112, 78))
    for x, y, h in ((70, 1010, 500), (1530, 1010, 500)):
        palm(d, x, y, h, (112, 82, 56), (36, 92, 64))
    # Two hosts at the door, and the delegation walking up the carpet.
    for x in (770, 830):
        walking(d, x, horizon + 2, 0.42, (226, 222, 212), robe=True)
    delegation = [(800, 752, 0.7), (748, 790, 0.76), (852, 796, 0.77), (770, 850, 0.86),
                  (846, 862, 0.88), (706, 930, 1.0), (806, 948, 1.04), (906, 956, 1.05)]
    colours = [NAVY_DARK, (40, 46, 64), (34, 56, 48), NAVY_DARK, (52, 58, 74), (36, 40, 52), (60, 64, 76), NAVY_DARK]
    shadow(img, lambda dd, f: [dd.ellipse(box(x - 34 * sc, y - 8 * sc, x + 40 * sc, y + 10 * sc), fill=f) for x, y, sc in delegation], offset=(6, 2), blur=5, opacity=0.5)
    for k, (x, y, sc) in enumerate(sorted(delegation, key=lambda p: p[1])):
        walking(d, x, y, sc, colours[k], stride=1 if k % 2 else -1)
    finish(img, path, SEED + 103)


# --------------------------------------------------------------------------
# (d) Exhibition stands with screens showing security motifs.


def shield(d, cx, cy, r, fill, outline=None):
    points = [(cx, cy - r), (cx + 0.8 * r, cy - 0.7 * r), (cx + 0.75 * r, cy + 0.1 * r),
              (cx, cy + r), (cx - 0.75 * r, cy + 0.1 * r), (cx - 0.8 * r, cy - 0.7 * r)]
    d.polygon(pts(points), fill=fill, outline=outline, width=s(3) if outline else 0)


def cybersecurity_exhibition(path):
    img = new_canvas(NAVY_DARK)
    d = ImageDraw.Draw(img)
    floor_y = 640
    paste_gradient_box(img, (0, 0, W, floor_y), [(0, (14, 22, 38)), (1, (30, 46, 70))])
    paste_gradient_box(img, (0, floor_y, W, H), [(0, (52, 70, 92)), (1, (28, 40, 58))])
    for k in range(-14, 15):
        d.line(pts([(800 + k * 70, floor_y), (800 + k * 260, H)]), fill=(44, 60, 82), width=s(2))
    for k in range(1, 9):
        y = floor_y + (H - floor_y) * (k / 8) ** 1.7
        d.line(pts([(0, y), (W, y)]), fill=(44, 60, 82), width=s(2))
    # A lighting truss across the ceiling.
    ty0, ty1 = 40, 72
    for y in (ty0, ty1):
        d.line(pts([(0, y), (W, y)]), fill=(120, 132, 148), width=s(5))
    for k in range(0, 41):
        x = k * 40
        d.line(pts([(x, ty0), (x + 20, ty1)]), fill=(96, 108, 124), width=s(3))
        d.line(pts([(x + 20, ty1), (x + 40, ty0)]), fill=(96, 108, 124), width=s(3))
    stands = [(110, 570, TEAL), (620, 980, (54, 98, 160)), (1030, 1490, (36, 128, 112))]
    # Light cones from the truss onto each stand.
    for x0, x1, _ in stands:
        for lx in (x0 + (x1 - x0) * 0.3, x0 + (x1 - x0) * 0.7):
            translucent(img, lambda dd, f, lx=lx: dd.polygon(pts([(lx - 10, ty1 + 24), (lx + 10, ty1 + 24), (lx + 120, floor_y + 40), (lx - 120, floor_y + 40)]), fill=f), (255, 244, 214), 0.07)
            d.rounded_rectangle(box(lx - 12, ty1, lx + 12, ty1 + 26), radius=s(4), fill=(40, 44, 52))
            glow(img, (lx, ty1 + 26), 30, (255, 240, 200), 0.6)
    for i, (x0, x1, accent) in enumerate(stands):
        top, bottom = 150, floor_y + 10
        shadow(img, lambda dd, f: dd.rectangle(box(x0, top, x1, bottom), fill=f), offset=(0, 14), blur=18, opacity=0.55, colour=(4, 8, 14))
        paste_gradient_box(img, (x0, top, x1, bottom), [(0, (236, 238, 240)), (1, (206, 212, 218))])
        d.rectangle(box(x0, top, x1, top + 54), fill=accent)
        d.rectangle(box(x0, top + 54, x1, top + 60), fill=GOLD)
        for k in range(5):  # a row of squares on the header band, standing for a pattern
            d.rectangle(box(x0 + 24 + k * 22, top + 20, x0 + 38 + k * 22, top + 34), fill=mix(accent, WHITE, 0.3 + 0.1 * k))
        # The screen.
        sx0, sy0, sx1, sy1 = x0 + 50, 250, x1 - 50, 470
        d.rounded_rectangle(box(sx0 - 10, sy0 - 10, sx1 + 10, sy1 + 10), radius=s(8), fill=(22, 26, 34))
        paste_gradient_box(img, (sx0, sy0, sx1, sy1), [(0, (16, 44, 74)), (1, (10, 26, 46))])
        cx, cy = (sx0 + sx1) / 2, (sy0 + sy1) / 2
        glow(img, (cx, cy), (160, 110), mix(accent, WHITE, 0.3), 0.45)
        if i == 0:
            # A padlock over a grid of dots.
            for gx in range(int(sx0) + 20, int(sx1) - 10, 26):
                for gy in range(sy0 + 20, sy1 - 10, 26):
                    d.ellipse(box(gx - 2, gy - 2, gx + 2, gy + 2), fill=(50, 96, 120))
            padlock(d, cx, cy + 10, 62, (120, 210, 204), (230, 246, 244))
        elif i == 1:
            # A network: nodes joined by links, one of them locked.
            rnd = random.Random(SEED + 4)
            nodes = []
            for k in range(10):
                a = k / 10 * 2 * math.pi + rnd.uniform(-0.2, 0.2)
                rr = rnd.uniform(0.62, 0.95)
                nodes.append((cx + math.cos(a) * rr * (sx1 - sx0) / 2 * 0.9, cy + math.sin(a) * rr * (sy1 - sy0) / 2 * 0.85))
            for a in range(len(nodes)):
                b = (a + 1) % len(nodes)
                d.line(pts([nodes[a], nodes[b]]), fill=(130, 180, 230), width=s(2))
                if a % 2 == 0:
                    d.line(pts([nodes[a], (cx, cy)]), fill=(90, 140, 200), width=s(2))
                if a % 3 == 0:
                    d.line(pts([nodes[a], nodes[(a + 3) % len(nodes)]]), fill=(80, 120, 180), width=s(1))
            for x, y in nodes:
                glow(img, (x, y), 20, (170, 210, 255), 0.5)
                d.ellipse(box(x - 7, y - 7, x + 7, y + 7), fill=(210, 230, 255))
            d.ellipse(box(cx - 38, cy - 38, cx + 38, cy + 38), fill=(24, 52, 90), outline=(210, 230, 255), width=s(3))
            padlock(d, cx, cy + 4, 22, (210, 230, 255), (210, 230, 255))
        else:
            # A shield with a tick, over horizontal data bars.
            rnd = random.Random(SEED + 5)
            for gy in range(sy0 + 24, sy1 - 14, 22):
                w = rnd.uniform(0.3, 1.0) * (sx1 - sx0 - 40)
                d.rounded_rectangle(box(sx0 + 20, gy, sx0 + 20 + w, gy + 8), radius=s(4), fill=(30, 76, 84))
            shield(d, cx, cy, 78, (90, 196, 160), outline=(220, 246, 236))
            d.line(pts([(cx - 30, cy + 2), (cx - 8, cy + 26), (cx + 34, cy - 22)]), fill=(250, 252, 250), width=s(12), joint="curve")
        # Counter in front of the stand, with a small tablet.
        c0, c1 = x0 + 70, x1 - 70
        shadow(img, lambda dd, f: dd.rectangle(box(c0, 560, c1, 690), fill=f), offset=(0, 12), blur=10, opacity=0.55, colour=(4, 8, 14))
        paste_gradient_box(img, (c0, 572, c1, 690), [(0, (246, 246, 244)), (1, (212, 216, 220))], horizontal=True)
        d.rectangle(box(c0 - 8, 560, c1 + 8, 574), fill=(60, 66, 78))
        d.rectangle(box(c0, 640, c1, 652), fill=accent)
        tx = (c0 + c1) / 2
        d.polygon(pts([(tx - 46, 560), (tx + 46, 560), (tx + 36, 526), (tx - 36, 526)]), fill=(30, 34, 44))
        d.polygon(pts([(tx - 40, 556), (tx + 40, 556), (tx + 32, 530), (tx - 32, 530)]), fill=mix(accent, WHITE, 0.35))
    # Visitors, seen from behind, looking at the stands.
    visitors = [(330, 830, 1.6, NAVY, False), (480, 860, 1.65, (226, 222, 212), True), (790, 800, 1.5, (40, 46, 64), False),
                (1010, 935, 1.85, NAVY_DARK, False), (1250, 850, 1.65, (232, 228, 218), True), (1410, 880, 1.7, (52, 58, 74), False),
                (130, 995, 2.0, (26, 34, 50), False)]
    shadow(img, lambda dd, f: [dd.ellipse(box(x - 40 * sc, y - 8 * sc, x + 40 * sc, y + 10 * sc), fill=f) for x, y, sc, _, _ in visitors], offset=(0, 2), blur=6, opacity=0.6, colour=(4, 8, 14))
    for x, y, sc, colour, robe in sorted(visitors, key=lambda v: v[1]):
        walking(d, x, y, sc, colour, stride=0, robe=robe)
    finish(img, path, SEED + 104)


# --------------------------------------------------------------------------
# (e) An abstract map with a network of cooperation.


def level_for_share(field, share):
    """The grey level above which a given share of the field lies."""
    hist = field.histogram()
    total, above = sum(hist), 0
    for level in range(255, -1, -1):
        above += hist[level]
        if above >= share * total:
            return level
    return 0


def threshold(field, level):
    return field.point(lambda v: 255 if v >= level else 0)


def outline_of(mask, width):
    edges = mask.filter(ImageFilter.FIND_EDGES)
    return edges.filter(ImageFilter.MaxFilter(width)) if width > 1 else edges


def bezier(p0, p1, bend, steps=40):
    """Points of a quadratic curve from p0 to p1, bowed sideways by bend."""
    mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    c = (mx - dy * bend, my + dx * bend)
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1]) for t in (i / steps for i in range(steps + 1))]


def editorial(path):
    img = new_canvas(NAVY)
    d = ImageDraw.Draw(img)
    size = (W * S, H * S)
    paste_gradient_box(img, (0, 0, W, H), [(0, (22, 42, 68)), (1, (14, 28, 48))])
    # Terrain: two octaves of smooth seeded noise; the highest 46% is land.
    rnd = random.Random(SEED + 6)
    coarse = Image.frombytes("L", (8, 5), rnd.randbytes(40)).resize(size, Image.Resampling.BICUBIC)
    fine = Image.frombytes("L", (20, 13), rnd.randbytes(260)).resize(size, Image.Resampling.BICUBIC)
    field = Image.blend(coarse, fine, 0.3).filter(ImageFilter.GaussianBlur(s(12)))
    coast = level_for_share(field, 0.46)
    # Graticule under everything.
    for x in range(0, W + 1, 100):
        d.line(pts([(x, 0), (x, H)]), fill=(30, 54, 82), width=s(1))
    for y in range(0, H + 1, 100):
        d.line(pts([(0, y), (W, y)]), fill=(30, 54, 82), width=s(1))
    # Shallow water along the coasts, then the land in bands of height.
    img.paste(Image.new("RGB", size, (30, 66, 92)), (0, 0), threshold(field, coast - 10))
    bands = [(0, (196, 182, 150)), (12, (184, 170, 136)), (26, (168, 156, 122)), (42, (150, 140, 108))]
    for offset, colour in bands:
        img.paste(Image.new("RGB", size, colour), (0, 0), threshold(field, coast + offset))
    for offset, _ in bands[1:]:
        img.paste(Image.new("RGB", size, (140, 128, 98)), (0, 0), outline_of(threshold(field, coast + offset), 3))
    img.paste(Image.new("RGB", size, (226, 216, 190)), (0, 0), outline_of(threshold(field, coast), 5))
    img.paste(Image.new("RGB", size, (60, 104, 128)), (0, 0), outline_of(threshold(field, coast - 22), 3))
    # Nodes on land, spread apart; the one nearest the middle is the hub.
    land = threshold(field, coast + 6)
    nodes = []
    tries = 0
    while len(nodes) < 15 and tries < 5000:
        tries += 1
        x, y = rnd.uniform(90, W - 90), rnd.uniform(90, H - 90)
        if land.getpixel((s(x), s(y))) and all(math.dist((x, y), n) > 170 for n in nodes):
            nodes.append((x, y))
    hub = min(nodes, key=lambda n: math.dist(n, (W / 2, H / 2)))
    links = set()
    for a, n in enumerate(nodes):
        for b in sorted(range(len(nodes)), key=lambda b: math.dist(n, nodes[b]))[1:3]:
            links.add((min(a, b), max(a, b)))
    for a, n in enumerate(nodes):
        if n != hub and a % 2 == 0:
            links.add((min(a, nodes.index(hub)), max(a, nodes.index(hub))))
    line_layer = Image.new("L", size, 0)
    ld = ImageDraw.Draw(line_layer)
    for a, b in sorted(links):
        curve = bezier(nodes[a], nodes[b], 0.18 if (a + b) % 2 else -0.18)
        ld.line(pts(curve), fill=255, width=s(10), joint="curve")
    img.paste(Image.new("RGB", size, (240, 200, 110)), (0, 0), line_layer.filter(ImageFilter.GaussianBlur(s(8))).point(lambda v: int(v * 0.45)))
    for a, b in sorted(links):
        curve = bezier(nodes[a], nodes[b], 0.18 if (a + b) % 2 else -0.18)
        d.line(pts(curve), fill=(232, 190, 96), width=s(2.5), joint="curve")
    for r, width in ((70, 2), (110, 2), (150, 1)):
        d.ellipse(box(hub[0] - r, hub[1] - r, hub[0] + r, hub[1] + r), outline=(236, 206, 140), width=s(width))
    for n in nodes:
        big = n == hub
        r = 16 if big else 9
        glow(img, n, r * 4, (255, 226, 150), 0.7)
        d.ellipse(box(n[0] - r - 4, n[1] - r - 4, n[0] + r + 4, n[1] + r + 4), fill=(20, 36, 58))
        d.ellipse(box(n[0] - r, n[1] - r, n[0] + r, n[1] + r), fill=GOLD if not big else (250, 222, 150))
    # A compass rose in a corner, the only ornament.
    rx, ry = 1470, 870
    star8(d, rx, ry, 46, fill=(40, 70, 100))
    d.polygon(pts([(rx, ry - 70), (rx + 12, ry), (rx, ry + 70), (rx - 12, ry)]), fill=(226, 216, 190))
    d.polygon(pts([(rx - 70, ry), (rx, ry - 12), (rx + 70, ry), (rx, ry + 12)]), fill=(180, 170, 146))
    d.ellipse(box(rx - 8, ry - 8, rx + 8, ry + 8), fill=GOLD)
    finish(img, path, SEED + 105)


# --------------------------------------------------------------------------
# (f) A year as calendar cards over a timeline.

# Activities per month of 2023 in the demo data (crates/vigie/demo/activities.csv).
ACTIVITIES_2023 = [10, 8, 12, 9, 14, 13, 10, 10, 15, 12, 10, 16]
DOMAIN_COLOURS = [TEAL, (54, 98, 160), GOLD, (150, 44, 48)]


def year_highlights(path):
    img = new_canvas(SAND_LIGHT)
    d = ImageDraw.Draw(img)
    paste_gradient_box(img, (0, 0, W, H), [(0, (246, 242, 232)), (1, (226, 216, 194))])
    # A faint lattice of stars in the background.
    for gy in range(0, 11):
        for gx in range(0, 17):
            star8(d, gx * 100 + (50 if gy % 2 else 0), gy * 100, 22, outline=(232, 224, 206), width=2)
    rnd = random.Random(SEED + 7)
    card_w, card_h, gap, left = 211, 230, 30, 90
    centres = []
    for m in range(12):
        col, row = m % 6, m // 6
        x0 = left + col * (card_w + gap)
        y0 = 70 + row * (card_h + 34)
        centres.append(x0 + card_w / 2)
        last = m == 11
        shadow(img, lambda dd, f: dd.rounded_rectangle(box(x0, y0, x0 + card_w, y0 + card_h), radius=s(14), fill=f), offset=(0, 10), blur=12, opacity=0.28)
        d.rounded_rectangle(box(x0, y0, x0 + card_w, y0 + card_h), radius=s(14), fill=WHITE)
        d.rounded_rectangle(box(x0, y0, x0 + card_w, y0 + 46), radius=s(14), fill=NAVY if not last else GOLD)
        d.rectangle(box(x0, y0 + 30, x0 + card_w, y0 + 46), fill=NAVY if not last else GOLD)
        for k in (0.3, 0.7):  # the two rings of a desk calendar
            d.rounded_rectangle(box(x0 + card_w * k - 5, y0 - 12, x0 + card_w * k + 5, y0 + 16), radius=s(5), fill=(120, 126, 136))
        # Days: a 7 x 5 grid; marked days carry the colour of a domain.
        days = list(range(35))
        marked = set(rnd.sample(days, ACTIVITIES_2023[m]))
        for day in days:
            gx, gy = day % 7, day // 7
            cx = x0 + 22 + gx * 27.8
            cy = y0 + 70 + gy * 33
            if day in marked:
                d.ellipse(box(cx - 10, cy - 10, cx + 10, cy + 10), fill=rnd.choice(DOMAIN_COLOURS))
            else:
                d.rounded_rectangle(box(cx - 7, cy - 7, cx + 7, cy + 7), radius=s(3), fill=(230, 226, 216))
    # The timeline: one bubble per month, sized by its activities.
    ty = 800
    xs = [110 + i * (W - 220) / 11 for i in range(12)]
    shadow(img, lambda dd, f: dd.rounded_rectangle(box(70, ty - 8, W - 70, ty + 8), radius=s(8), fill=f), offset=(0, 6), blur=6, opacity=0.3)
    d.rounded_rectangle(box(70, ty - 8, W - 70, ty + 8), radius=s(8), fill=NAVY)
    curve = [(x, ty - 40 - ACTIVITIES_2023[i] * 6) for i, x in enumerate(xs)]
    d.line(pts(curve), fill=TEAL, width=s(4), joint="curve")
    for x, y in curve:
        d.line(pts([(x, y), (x, ty)]), fill=(190, 180, 160), width=s(2))
        d.ellipse(box(x - 6, y - 6, x + 6, y + 6), fill=TEAL)
    for i, (x, n) in enumerate(zip(xs, ACTIVITIES_2023)):
        r = 8 + math.sqrt(n) * 5
        last = i == 11
        shadow(img, lambda dd, f: dd.ellipse(box(x - r, ty - r, x + r, ty + r), fill=f), offset=(0, 6), blur=6, opacity=0.35)
        if last:
            glow(img, (x, ty), r * 3, (250, 210, 120), 0.6)
        d.ellipse(box(x - r, ty - r, x + r, ty + r), fill=GOLD if last else WHITE, outline=NAVY, width=s(4))
        d.ellipse(box(x - r * 0.35, ty - r * 0.35, x + r * 0.35, ty + r * 0.35), fill=NAVY if last else TEAL)
    # A legend of the four domains, as coloured chips only.
    for k, colour in enumerate(DOMAIN_COLOURS):
        x = 640 + k * 90
        d.rounded_rectangle(box(x, 900, x + 60, 924), radius=s(12), fill=colour)
    finish(img, path, SEED + 106)


# --------------------------------------------------------------------------

IMAGES = {
    "chiefs-of-staff-meeting.jpg": chiefs_of_staff_meeting,
    "mou-signing.jpg": mou_signing,
    "kyrgyz-visit.jpg": kyrgyz_visit,
    "cybersecurity-exhibition.jpg": cybersecurity_exhibition,
    "editorial.jpg": editorial,
    "year-highlights.jpg": year_highlights,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "images"
    os.makedirs(out, exist_ok=True)
    for name, draw in IMAGES.items():
        path = os.path.join(out, name)
        draw(path)
        print(path)


if __name__ == "__main__":
    main()
