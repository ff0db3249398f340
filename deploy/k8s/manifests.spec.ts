import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * deploy/k8s rendered as `kubectl apply -k` would (kubectl's built-in kustomize), every object
 * validated against the Kubernetes API schemas (kubernetes-models), then the essentials an
 * operator relies on: split probes, resources, graceful shutdown longer than the worker's drain,
 * autoscaling and disruption budgets for every Deployment, migrations as a Job, secrets only by
 * reference, PostgreSQL and Redis as external services.
 */
const ROOT = path.resolve(__dirname, '../..');
const TARGETS = ['deploy/k8s/base', 'deploy/k8s/overlays/staging', 'deploy/k8s/overlays/production'];

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: any };

function kubectl(): string {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
    return 'kubectl';
  } catch {
    throw new Error('kubectl (with kustomize v4 or later: kubectl 1.21+) is needed to render deploy/k8s; install it (e.g. the Google Cloud SDK or the Kubernetes apt repository)');
  }
}

function render(dir: string): K8sObject[] {
  const out = execFileSync(kubectl(), ['kustomize', path.join(ROOT, dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(out).map((d) => d.toJS() as K8sObject).filter(Boolean);
}

/** The kubernetes-models class of an object (`apps/v1` Deployment → kubernetes-models/apps/v1/Deployment). */
function validate(o: K8sObject): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Model = require(`kubernetes-models/${o.apiVersion}/${o.kind}`)[o.kind] as new (data: unknown) => { validate(): void };
  new Model(o).validate();
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};

/** The environment variables the README documents (its table's first column). */
function documentedEnv(): Set<string> {
  const names = new Set<string>();
  for (const line of readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n')) {
    if (!line.startsWith('| `')) continue;
    for (const m of line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1]!);
  }
  return names;
}

describe.each(TARGETS)('%s', (dir) => {
  const objects = render(dir);

  it('renders objects that all validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThanOrEqual(20);
    for (const o of objects) expect(() => validate(o)).not.toThrow();
  });

  it('runs the API, worker, shop and console, each with split probes, resources, an autoscaler and a disruption budget', () => {
    const deployments = byKind(objects, 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['api', 'console', 'shop', 'worker']);
    for (const d of deployments) {
      const [c] = d['spec'].template.spec.containers;
      expect(c.readinessProbe?.httpGet?.path).toBeTruthy();
      expect(c.livenessProbe?.httpGet?.path).toBeTruthy();
      expect(c.resources.requests.cpu).toBeTruthy();
      expect(c.resources.requests.memory).toBeTruthy();
      expect(c.resources.limits.memory).toBeTruthy();
      const hpa = byKind(objects, 'HorizontalPodAutoscaler').find((h) => h['spec'].scaleTargetRef.name === d.metadata.name);
      expect(hpa?.['spec'].scaleTargetRef.kind).toBe('Deployment');
      expect(hpa!['spec'].maxReplicas).toBeGreaterThan(hpa!['spec'].minReplicas);
      const pdb = byKind(objects, 'PodDisruptionBudget').find((p) => p['spec'].selector.matchLabels['app.kubernetes.io/name'] === d.metadata.name);
      expect(pdb).toBeDefined();
      expect(d['spec'].selector.matchLabels).toEqual(pdb!['spec'].selector.matchLabels);
    }
    // The API and the worker answer what each probe asks: liveness never depends on PostgreSQL or Redis.
    for (const name of ['api', 'worker']) {
      const [c] = named(objects, 'Deployment', name)['spec'].template.spec.containers;
      expect(c.livenessProbe.httpGet.path).toBe('/health/live');
      expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    }
    // The worker runs the built entry from the API's image; the API runs the image's own command.
    expect(named(objects, 'Deployment', 'worker')['spec'].template.spec.containers[0].command).toEqual(['node', 'dist/server/apps/worker/src/main.js']);
    expect(named(objects, 'Deployment', 'api')['spec'].template.spec.containers[0].command).toBeUndefined();
    expect(readFileSync(path.join(ROOT, 'docker/Dockerfile'), 'utf8')).toMatch(/CMD \["node", (?:"--[^"]+", )*"dist\/server\/apps\/api\/src\/main\.js"\]/);
  });

  it('runs the API, the worker and the migration Job from an image of production dependencies and compiled JavaScript', () => {
    // The Dockerfile's `app` stage: a fresh Node image, `npm ci --omit=dev`, the compiled server
    // copied from the build stage, and what `node scripts/db/migrate.mjs deploy` reads.
    const stages = readFileSync(path.join(ROOT, 'docker/Dockerfile'), 'utf8').split(/^(?=FROM )/m);
    const app = stages.find((s) => /^FROM \S+ AS app$/m.test(s))!;
    expect(app).toMatch(/^FROM node:[\w.-]+ AS app$/m);
    expect(app).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(app).not.toMatch(/--include=dev|@swc-node|typescript/);
    expect(app).toMatch(/^COPY --from=server-build \/app\/dist\/server dist\/server$/m);
    for (const dir of ['scripts/db', 'prisma/schema', 'prisma/migrations']) expect(app).toContain(`COPY ${dir} ${dir}`);
    const job = byKind(objects, 'Job').find((j) => j.metadata.name.includes('migrate'))!;
    const [c] = job['spec'].template.spec.containers;
    expect(c.image).toMatch(/(^|\/)vitrine\/app(:|$)/);
    expect(c.command).toEqual(['node', 'scripts/db/migrate.mjs', 'deploy']);
  });

  it('gives the worker longer to stop than its drain, and the API time to leave the Service before it closes', () => {
    const config = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('vitrine-config'))!;
    const drainMs = Number(config['data'].WORKER_SHUTDOWN_TIMEOUT_MS);
    expect(drainMs).toBeGreaterThan(0);
    const worker = named(objects, 'Deployment', 'worker')['spec'].template.spec;
    expect(worker.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(drainMs + 10_000);
    const api = named(objects, 'Deployment', 'api')['spec'].template.spec;
    const preStop = api.containers[0].lifecycle.preStop.exec.command as string[];
    expect(preStop[0]).toBe('sleep');
    expect(Number(preStop[1]) + 10).toBeLessThanOrEqual(api.terminationGracePeriodSeconds);
  });

  it('migrates in a Job, references secrets without holding any, and reaches PostgreSQL and Redis as external services', () => {
    const [job] = byKind(objects, 'Job');
    expect(job!['spec'].template.spec.containers[0].command).toEqual(['node', 'scripts/db/migrate.mjs', 'deploy']);
    expect(job!['spec'].template.spec.restartPolicy).toBe('Never');
    expect(byKind(objects, 'Secret')).toEqual([]);
    const config = byKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('vitrine-config'))!;
    for (const key of Object.keys(config['data'])) expect(key).not.toMatch(/SECRET|KEY|PASSWORD|DATABASE_URL|REDIS_URL/);
    // Every setting is one the README documents.
    const documented = documentedEnv();
    expect(Object.keys(config['data']).filter((k) => !documented.has(k))).toEqual([]);
    for (const kind of ['Deployment', 'Job']) {
      for (const o of byKind(objects, kind)) {
        const envFrom = (o['spec'].template.spec.containers[0].envFrom ?? []) as { secretRef?: { name: string }; configMapRef?: { name: string } }[];
        if (o.metadata.name === 'console' || o.metadata.name === 'shop') continue;
        expect(envFrom.find((e) => e.secretRef)?.secretRef?.name).toBe('vitrine-secrets');
        expect(envFrom.find((e) => e.configMapRef)?.configMapRef?.name).toBe(config.metadata.name);
      }
    }
    for (const name of ['postgres', 'redis']) expect(named(objects, 'Service', name)['spec'].type).toBe('ExternalName');
  });
});

it('overlays differ where they should: namespace, image registry and tags, sizes', () => {
  const staging = render('deploy/k8s/overlays/staging');
  const production = render('deploy/k8s/overlays/production');
  expect(new Set(staging.map((o) => o.metadata.namespace))).toEqual(new Set(['vitrine-staging']));
  expect(new Set(production.map((o) => o.metadata.namespace))).toEqual(new Set(['vitrine']));
  const image = (objects: K8sObject[], name: string) => named(objects, 'Deployment', name)['spec'].template.spec.containers[0].image;
  expect(image(production, 'api')).toBe('registry.example.com/vitrine/app:0.1.0');
  expect(image(staging, 'shop')).toBe('registry.example.com/vitrine/shop:staging');
  expect(named(production, 'HorizontalPodAutoscaler', 'api')['spec'].minReplicas).toBe(4);
  expect(named(staging, 'HorizontalPodAutoscaler', 'api')['spec'].minReplicas).toBe(1);
});
