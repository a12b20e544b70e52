// Geospatial queries: $geoWithin and $geoIntersects (query operators, no index needed),
// $near and $nearSphere (which need a 2dsphere or 2d index and return the nearest first)
// and the $geoNear stage. What stays out is refused in mongod's shape, naming MONGODB_URI.
import { toNumber } from './bson-order.ts';
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import type { IndexedDocuments } from './index-store.ts';
import {
  EARTH_RADIUS_M,
  insidePolygon,
  planarDistance,
  pointsOf,
  readPoint,
  readPolygons,
  sphericalRadians,
  type Point,
} from './geo-shapes.ts';

/** mongod's error for a geo feature the stand-in leaves out, with where to find it. */
function geoUnsupported(what: string): CommandError {
  return badValue(
    `${what} is not supported by the offline stand-in (it knows points and polygons); use a real MongoDB through MONGODB_URI`,
  );
}

/** A test of one stored value against a $geoWithin shape. */
function withinTest(shape: unknown): (value: unknown) => boolean {
  if (!isPlainObject(shape)) throw badValue('$geoWithin not followed by an object');
  const all = (inside: (p: Point) => boolean) => (value: unknown) => pointsOf(value)?.every(inside) ?? false;
  if (shape.$geometry !== undefined) {
    const polygons = readPolygons(shape.$geometry);
    return all((p) => polygons.some((rings) => insidePolygon(p, rings, true)));
  }
  if (shape.$centerSphere !== undefined) {
    const [center, radius] = circle(shape.$centerSphere, '$centerSphere');
    return all((p) => sphericalRadians(center, p) <= radius);
  }
  if (shape.$center !== undefined) {
    const [center, radius] = circle(shape.$center, '$center');
    return all((p) => planarDistance(center, p) <= radius);
  }
  if (shape.$box !== undefined) {
    const corners = Array.isArray(shape.$box) ? shape.$box.map(readPoint) : [];
    if (corners.length !== 2 || corners.some((c) => !c)) throw badValue('Point must only contain numeric elements');
    const [[x1, y1], [x2, y2]] = corners as Point[];
    const [minX, maxX, minY, maxY] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)];
    return all(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY);
  }
  if (shape.$polygon !== undefined) {
    const ring = Array.isArray(shape.$polygon) ? shape.$polygon.map(readPoint) : [];
    if (ring.length < 3 || ring.some((p) => !p)) throw badValue('Polygon must have at least 3 points');
    return all((p) => insidePolygon(p, [ring as Point[]], false));
  }
  throw badValue(`unknown geo specifier: ${Object.keys(shape)[0]}`);
}

function circle(spec: unknown, name: string): [Point, number] {
  const center = Array.isArray(spec) ? readPoint(spec[0]) : undefined;
  const radius = Array.isArray(spec) ? toNumber(spec[1]) : Number.NaN;
  if (!center || !(radius >= 0)) throw badValue(`${name} must be [[x, y], radius]`);
  return [center, radius];
}

/** A test of one stored value against a $geoIntersects geometry (points and polygons). */
function intersectsTest(shape: unknown): (value: unknown) => boolean {
  if (!isPlainObject(shape) || !isPlainObject(shape.$geometry)) throw badValue('$geoIntersects requires a $geometry');
  const geometry = shape.$geometry;
  if (geometry.type === 'Point') {
    const point = readPoint(geometry);
    if (!point) throw badValue('Point must only contain numeric elements');
    return (value) => {
      const stored = readPoint(value);
      if (stored) return stored[0] === point[0] && stored[1] === point[1];
      return isPlainObject(value) && ['Polygon', 'MultiPolygon'].includes(String(value.type))
        ? readPolygons(value).some((rings) => insidePolygon(point, rings, true))
        : false;
    };
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    throw geoUnsupported(`$geoIntersects with a ${String(geometry.type)}`);
  const polygons = readPolygons(geometry);
  const inQuery = (p: Point) => polygons.some((rings) => insidePolygon(p, rings, true));
  return (value) => {
    const points = pointsOf(value);
    if (!points) return false;
    if (points.some(inQuery)) return true;
    // A stored polygon can hold the query polygon whole.
    if (!isPlainObject(value) || !['Polygon', 'MultiPolygon'].includes(String(value.type))) return false;
    const stored = readPolygons(value);
    return polygons.some((rings) => rings[0].some((p) => stored.some((own) => insidePolygon(p, own, true))));
  };
}

/** $geoWithin and $geoIntersects, registered as query operators (mingo's signature). */
export const geoQueryOperators = {
  $geoWithin: (selector: string, shape: unknown) => fieldTest(selector, withinTest(shape)),
  $geoIntersects: (selector: string, shape: unknown) => fieldTest(selector, intersectsTest(shape)),
};

function fieldTest(selector: string, test: (value: unknown) => boolean): (doc: unknown) => boolean {
  return (doc) => {
    const whole = valuesAtPath(doc, selector);
    // A legacy pair [x, y] is one point, not two values: try the field as it is first.
    const direct = selector.split('.').reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), doc);
    return (direct !== undefined && test(direct)) || whole.some(test);
  };
}

/** Where a $near / $nearSphere / $geoNear search starts and how far it may reach. */
interface NearSearch {
  field: string;
  point: Point;
  spherical: boolean;
  /** Distances come out in metres for GeoJSON points, else in radians (spherical) or units (2d). */
  metres: boolean;
  min: number;
  max: number;
}

/** Reads { field: { $near | $nearSphere: ... } } into a search. */
function readNear(field: string, spec: Doc): NearSearch {
  const name = '$near' in spec ? '$near' : '$nearSphere';
  const target = spec[name];
  const geometry = isPlainObject(target) && '$geometry' in target ? target.$geometry : undefined;
  const point = readPoint(geometry ?? target);
  if (!point) throw badValue(`invalid ${name} argument: a point is needed`);
  const options = isPlainObject(target) && geometry ? target : spec;
  return {
    field,
    point,
    spherical: name === '$nearSphere' || geometry !== undefined,
    metres: geometry !== undefined,
    min: options.$minDistance === undefined ? 0 : toNumber(options.$minDistance),
    max: options.$maxDistance === undefined ? Infinity : toNumber(options.$maxDistance),
  };
}

/** The documents a near search reaches, nearest first, each with its distance. */
export function nearestDocuments(collection: IndexedDocuments | undefined, search: NearSearch): [Doc, number][] {
  const index = collection?.indexSpecs().find((spec) => ['2dsphere', '2d'].includes(String(spec.key[search.field])));
  if (!index)
    throw new CommandError(
      291,
      'NoQueryExecutionPlans',
      `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query`,
    );
  const found: [Doc, number][] = [];
  for (const doc of collection!.all()) {
    const point = readPoint(fieldValue(doc, search.field)) ?? readPoint(valuesAtPath(doc, search.field)[0]);
    if (!point) continue;
    const angle = sphericalRadians(search.point, point);
    const distance = search.spherical
      ? search.metres
        ? angle * EARTH_RADIUS_M
        : angle
      : planarDistance(search.point, point);
    if (distance >= search.min && distance <= search.max) found.push([doc, distance]);
  }
  return found.sort((a, b) => a[1] - b[1]);
}

function fieldValue(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), doc);
}

/** Splits a filter into its $near / $nearSphere clause (top level) and the rest. */
export function takeNearClause(filter: Doc | undefined): { near?: NearSearch; rest?: Doc } {
  if (!filter) return { rest: filter };
  for (const field in filter) {
    const condition = filter[field];
    if (!isPlainObject(condition) || !('$near' in condition || '$nearSphere' in condition)) continue;
    const { [field]: _, ...rest } = filter;
    return { near: readNear(field, condition), rest };
  }
  return { rest: filter };
}

/** The documents of a $geoNear stage, nearest first, with its distanceField (and includeLocs) set. */
export function geoNearStage(
  collection: IndexedDocuments | undefined,
  spec: unknown,
  matches: (doc: Doc) => boolean,
): Doc[] {
  if (!isPlainObject(spec)) throw badValue('$geoNear requires an object');
  if (typeof spec.distanceField !== 'string') throw badValue("$geoNear requires a 'distanceField' option as a String");
  const geometry = isPlainObject(spec.near) && spec.near.type === 'Point';
  const point = readPoint(spec.near);
  if (!point) throw badValue('$geoNear requires near argument');
  const field =
    typeof spec.key === 'string'
      ? spec.key
      : Object.entries(
          collection?.indexSpecs().find((s) => Object.values(s.key).some((d) => d === '2dsphere' || d === '2d'))?.key ??
            {},
        ).find(([, d]) => d === '2dsphere' || d === '2d')?.[0];
  if (!field)
    throw new CommandError(
      291,
      'NoQueryExecutionPlans',
      'There is more than one 2d or 2dsphere index or no index: $geoNear requires exactly one',
    );
  const search: NearSearch = {
    field,
    point,
    spherical: geometry || spec.spherical === true,
    metres: geometry,
    min: spec.minDistance === undefined ? 0 : toNumber(spec.minDistance),
    max: spec.maxDistance === undefined ? Infinity : toNumber(spec.maxDistance),
  };
  const multiplier = spec.distanceMultiplier === undefined ? 1 : toNumber(spec.distanceMultiplier);
  return nearestDocuments(collection, search)
    .filter(([doc]) => matches(doc))
    .map(([doc, distance]) => {
      const out: Doc = { ...doc, [spec.distanceField as string]: distance * multiplier };
      if (typeof spec.includeLocs === 'string') out[spec.includeLocs] = fieldValue(doc, field);
      return out;
    });
}
