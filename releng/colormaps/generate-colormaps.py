#!/usr/bin/python3
"""Writes the colormap tables of org.datastamp.visualization.render from matplotlib's published data (viridis,
inferno, magma, plasma and cividis are matplotlib's own CC0 maps; gray and turbo come from the same library), so
no table is typed by hand. Debian: apt-get install python3-matplotlib; then run from the repository root:
    /usr/bin/python3 releng/colormaps/generate-colormaps.py
Each file is 256 lines 'r g b' (0-255), low values first."""
import os
import matplotlib

NAMES = ["viridis", "inferno", "magma", "plasma", "cividis", "gray", "turbo"]
OUT = os.path.join("bundles", "org.datastamp.visualization.render", "src", "main", "resources", "colormaps")

for name in NAMES:
    cmap = matplotlib.colormaps[name].resampled(256)
    with open(os.path.join(OUT, name + ".txt"), "w") as f:
        f.write("# %s, 256 entries, from matplotlib %s (releng/colormaps/generate-colormaps.py)\n"
                % (name, matplotlib.__version__))
        for i in range(256):
            r, g, b, _ = cmap(i)
            f.write("%d %d %d\n" % (round(r * 255), round(g * 255), round(b * 255)))
