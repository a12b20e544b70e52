// Geometry for geospatial queries: reading GeoJSON and legacy [x, y] points, distances on
// the sphere (metres, with mongod's Earth radius) and in the plane, and point-in-polygon
// tests, spherical for GeoJSON (edges are great-circle arcs, as in mongod's S2) and
// planar for the legacy $box/$polygon/$center shapes.
import { toNumber } from './bson-order.ts';
import { isPlainObject } from './document-paths.ts';
import { badValue } from './errors.ts';

/** mongod's radius of the Earth, in metres. */
export const EARTH_RADIUS_M = 6378100;

/** [longitude, latitude] (or [x, y] for 2d). */
export type Point = [number, number];

/** A polygon: its outer ring first, then holes. */
type Rings = Point[][];

/** A point from GeoJSON { type: "Point" }, [x, y] or { lng, lat }; undefined for anything else. */
export function readPoint(value: unknown): Point | undefined {
  if (isPlainObject(value) && value.type === 'Point') return readPoint(value.coordinates);
  const pair = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined;
  if (!pair || pair.length < 2) return undefined;
  const [x, y] = [toNumber(pair[0]), toNumber(pair[1])];
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

/** Every point of a GeoJSON geometry (or the one legacy point), for "all of it is within" tests. */
export function pointsOf(value: unknown): Point[] | undefined {
  const point = readPoint(value);
  if (point) return [point];
  if (!isPlainObject(value) || !Array.isArray(value.coordinates)) return undefined;
  const flat: Point[] = [];
  const walk = (item: unknown): void => {
    const p = readPoint(item);
    if (p && !Array.isArray((item as unknown[])[0])) flat.push(p);
    else if (Array.isArray(item)) item.forEach(walk);
  };
  walk(value.coordinates);
  return flat.length ? flat : undefined;
}

/** The polygons of a GeoJSON Polygon or MultiPolygon, checked as mongod checks them. */
export function readPolygons(geometry: unknown): Rings[] {
  if (!isPlainObject(geometry)) throw badValue('$geometry must be an object');
  const { type, coordinates } = geometry;
  const polygons = type === 'Polygon' ? [coordinates] : type === 'MultiPolygon' ? coordinates : undefined;
  if (!Array.isArray(polygons)) throw badValue(`unsupported GeoJSON type for this operator: ${String(type)}`);
  return polygons.map((rings) => {
    if (!Array.isArray(rings) || rings.length === 0) throw badValue('Polygon coordinates must be an array of rings');
    return rings.map((ring) => {
      const points = Array.isArray(ring) ? ring.map(readPoint) : [];
      if (points.length < 4 || points.some((p) => !p)) throw badValue('Loop must have at least 3 different vertices');
      const [first, last] = [points[0]!, points[points.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1])
        throw badValue('Loop is not closed, first vertex does not equal last vertex');
      return points as Point[];
    });
  });
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in radians between two [lng, lat] points. */
export function sphericalRadians(a: Point, b: Point): number {
  const [dLat, dLng] = [radians(b[1] - a[1]), radians(b[0] - a[0])];
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLng / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Straight-line distance in the plane (legacy 2d coordinates). */
export function planarDistance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

type Vector = [number, number, number];

function unit([lng, lat]: Point): Vector {
  const [l, p] = [radians(lng), radians(lat)];
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
}

const dot = (a: Vector, b: Vector) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vector, b: Vector): Vector => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

// Winding number on the sphere: the angles the ring's edges subtend at the point add up to
// ±2π when it is inside and to about 0 when it is outside.
function insideRingOnSphere(point: Point, ring: Point[]): boolean {
  const p = unit(point);
  let total = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [a, b] = [unit(ring[i]), unit(ring[i + 1])];
    total += Math.atan2(dot(p, cross(a, b)), dot(a, b) - dot(p, a) * dot(p, b));
  }
  return Math.abs(total) > Math.PI;
}

function insideRingInPlane([x, y]: Point, ring: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [[xi, yi], [xj, yj]] = [ring[i], ring[j]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a polygon (inside its outer ring, outside its holes). */
export function insidePolygon(point: Point, rings: Rings, spherical: boolean): boolean {
  const inside = spherical ? insideRingOnSphere : insideRingInPlane;
  return inside(point, rings[0]) && !rings.slice(1).some((hole) => inside(point, hole));
}

const GEOJSON_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/** Whether a 2dsphere index can hold this value: a GeoJSON geometry or a legacy point. */
export function isGeoValue(value: unknown): boolean {
  if (isPlainObject(value) && value.type === 'Point') return readPoint(value.coordinates) !== undefined;
  if (readPoint(value)) return true;
  return isPlainObject(value) && GEOJSON_TYPES.includes(String(value.type)) && pointsOf(value) !== undefined;
}
