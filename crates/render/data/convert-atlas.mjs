// Converts world-atlas's countries-110m.json (TopoJSON, Natural Earth 1:110m,
// public domain; world-atlas is ISC) into countries-110m.json: one object
// keyed by ISO 3166-1 numeric id (or "-" + name for the few shapes without
// one), each a list of polygons, each polygon a list of rings of
// [lon, lat] rounded to 2 decimals. Run once, from a folder where
// `npm install world-atlas topojson-client` was done:
//   node convert-atlas.mjs node_modules/world-atlas/countries-110m.json > countries-110m.json
import { readFileSync } from "node:fs";
import { feature } from "topojson-client";

const topology = JSON.parse(readFileSync(process.argv[2], "utf8"));
const countries = feature(topology, topology.objects.countries).features;
const round = (v) => Math.round(v * 100) / 100;
const out = {};
for (const f of countries) {
  const key = f.id ?? "-" + f.properties.name;
  const g = f.geometry;
  if (!g) continue;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  out[key] = polygons
    .map((polygon) =>
      polygon
        .map((ring) => {
          const points = [];
          for (const [lon, lat] of ring) {
            const p = [round(lon), round(lat)];
            const last = points[points.length - 1];
            if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
          }
          return points;
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((polygon) => polygon.length > 0);
}
const keys = Object.keys(out).sort();
process.stdout.write("{\n" + keys.map((k) => JSON.stringify(k) + ":" + JSON.stringify(out[k])).join(",\n") + "\n}\n");
