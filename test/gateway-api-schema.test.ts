import { synthesizeObjects } from '../src';
import { checkoutWith } from './support/declarations';
import { gatewayApiSchemaErrors, objectSchemaErrors } from './support/gateway-api-schema';

/** The strict route check must be able to fail, or the tests that rely on it prove nothing. */
const routeOf = (route: Record<string, unknown>) =>
  structuredClone(
    synthesizeObjects([checkoutWith({ route: { parentRefs: [{ name: 'public', namespace: 'gateways' }], ...route } })]).find((object) =>
      String(object.kind).endsWith('Route'),
    ),
  ) as Record<string, any>;

test('a synthesized HTTPRoute and GRPCRoute pass', () => {
  expect(gatewayApiSchemaErrors(routeOf({ hostnames: ['*.example.com'], paths: ['/', '/api/v1/'] }))).toEqual([]);
  expect(gatewayApiSchemaErrors(routeOf({ kind: 'GRPCRoute', services: ['checkout.v1.Checkout'] }))).toEqual([]);
  expect(gatewayApiSchemaErrors(routeOf({ kind: 'GRPCRoute' }))).toEqual([]);
});

test('an unknown or misspelled field fails', () => {
  const route = routeOf({});
  route.spec.parentRefs[0].sectionname = 'https';
  expect(gatewayApiSchemaErrors(route)).toEqual(['/spec/parentRefs/0: must NOT have additional properties (sectionname)']);
});

test('a pattern, a length and a required field are checked', () => {
  const route = routeOf({});
  route.spec.hostnames = ['Shop.example.com'];
  route.spec.parentRefs.push({ namespace: 'gateways' });
  route.spec.rules[0].backendRefs[0].port = 70000;
  expect(gatewayApiSchemaErrors(route)).toEqual([
    '/spec/hostnames/0: must match pattern "^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"',
    "/spec/parentRefs/1: must have required property 'name'",
    '/spec/rules/0/backendRefs/0/port: must be <= 65535',
  ]);
});

test("the CRDs' CEL rules that routes could break are checked", () => {
  const route = routeOf({ paths: ['/a'] });
  route.spec.parentRefs.push({ name: 'public', namespace: 'gateways', sectionName: 'https' });
  route.spec.rules[0].matches[0].path.value = '/a//b';
  delete route.spec.rules[0].backendRefs[0].port;
  expect(gatewayApiSchemaErrors(route)).toEqual([
    '/spec/parentRefs/0: sectionName must be specified when parentRefs includes 2 or more references to the same parent',
    '/spec/parentRefs/1: sectionName must be specified when parentRefs includes 2 or more references to the same parent',
    '/spec/rules/0/backendRefs/0: Must have port for Service reference',
    "/spec/rules/0/matches/0/path: must not contain '//'",
  ]);
  const grpc = routeOf({ kind: 'GRPCRoute', services: ['checkout.v1.Checkout'] });
  grpc.spec.rules[0].matches[0].method = { type: 'Exact' };
  expect(gatewayApiSchemaErrors(grpc)).toEqual(["/spec/rules/0/matches/0/method: One or both of 'service' or 'method' must be specified"]);
});

test('core objects still go to the Kubernetes 1.28 schema, routes to their CRD', () => {
  expect(objectSchemaErrors({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'TCPRoute' })).toEqual([
    'unknown apiVersion/kind gateway.networking.k8s.io/v1/TCPRoute',
  ]);
  expect(objectSchemaErrors({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingres' })).toEqual([
    'unknown apiVersion/kind networking.k8s.io/v1/Ingres',
  ]);
});
