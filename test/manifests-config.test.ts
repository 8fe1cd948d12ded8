import {
  type CheckConfig,
  declaredFor,
  DEFAULT_CONFIG,
  deprecationNote,
  FAIL_ON,
  parseConfig,
  ruleSettingProblem,
  unmatchedEntries,
} from '../src/manifests/config';

/**
 * The configuration file of `check` (README, "Use it as a CI gate"), as a library: every rule of
 * the file with its exact message, and how declared times are chosen for a workload.
 */
const FILE = 'check.yaml';
const parse = (value: unknown) => parseConfig(value, FILE);
const messages = (value: unknown) => parse(value).problems.map((problem) => problem.message);
const KNOWN_ENTRY_KEYS = 'kind, name, namespace, startupMaxSeconds, runMaxSeconds, propagationSeconds, drainSeconds';

describe('parseConfig: the file as a whole', () => {
  test('failOn is one of the three severities, undecided or never, in that order', () => {
    expect(FAIL_ON).toEqual(['error', 'warning', 'note', 'undecided', 'never']);
  });

  test('the defaults fail on warnings, change no rule and declare no times', () => {
    expect(DEFAULT_CONFIG).toEqual({ failOn: 'warning', rules: {}, declared: [] });
  });

  test.each([null, undefined])('an empty file (%p) is the defaults, without problems', (value) => {
    expect(parse(value)).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  test.each([[['failOn']], ['failOn: error'], [42]])('a file that is no mapping (%p) is one problem, and the defaults', (value) => {
    expect(parse(value)).toEqual({
      config: DEFAULT_CONFIG,
      problems: [{ file: FILE, message: 'the configuration must be a mapping with failOn, rules and declared' }],
    });
  });

  test('an empty mapping is the defaults, naming its file', () => {
    expect(parse({})).toEqual({ config: { failOn: 'warning', rules: {}, declared: [], file: FILE }, problems: [] });
  });

  test('every unknown setting is a problem of its own, naming the known ones; the known ones still apply', () => {
    const { config, problems } = parse({ failon: 'error', failOn: 'note', extra: 1 });
    expect(problems).toEqual([
      { file: FILE, message: 'failon: unknown setting (known: failOn, rules, declared)' },
      { file: FILE, message: 'extra: unknown setting (known: failOn, rules, declared)' },
    ]);
    expect(config.failOn).toBe('note');
  });
});

describe('parseConfig: failOn', () => {
  test.each(['error', 'warning', 'note', 'undecided', 'never'])('%s is accepted', (failOn) => {
    expect(parse({ failOn })).toEqual({ config: { failOn, rules: {}, declared: [], file: FILE }, problems: [] });
  });

  test.each([
    ['fatal', '"fatal"'],
    ['', '""'],
    [2, '2'],
  ])('%p is refused, quoted as JSON, with the values allowed', (failOn, quoted) => {
    expect(messages({ failOn })).toEqual([`failOn: ${quoted} must be one of error, warning, note, undecided, never`]);
  });
});

describe('parseConfig: rules', () => {
  test('each rule takes a severity or off; rules not listed are left out', () => {
    const { config, problems } = parse({ rules: { cpuLimit: 'off', privileged: 'note', probeTimeout: 'error', singleReplica: 'warning' } });
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ cpuLimit: 'off', privileged: 'note', probeTimeout: 'error', singleReplica: 'warning' });
  });

  test('a renamed id sets the rule that replaced it', () => {
    expect(parse({ rules: { noCpuLimit: 'off', readinessTimeout: 'note' } })).toEqual({
      config: { failOn: 'warning', rules: { cpuLimit: 'off', probeTimeout: 'note' }, declared: [], file: FILE },
      problems: [],
    });
  });

  test('rules that is no mapping is a problem, and no rule changes', () => {
    const { config, problems } = parse({ rules: ['cpuLimit'] });
    expect(problems).toEqual([{ file: FILE, message: 'rules: must map rule ids to a severity or off' }]);
    expect(config.rules).toEqual({});
  });

  test('rules left empty (null) changes no rule', () => {
    expect(parse({ rules: null })).toEqual({ config: { failOn: 'warning', rules: {}, declared: [], file: FILE }, problems: [] });
  });

  test('an unknown id and a bad setting are each a problem naming the rule, and set nothing', () => {
    const { config, problems } = parse({ rules: { noSuchRule: 'off', cpuLimit: 'fatal', privileged: 'note' } });
    expect(problems).toEqual([
      { file: FILE, message: 'rules.noSuchRule: unknown rule id (`hardened-workloads rules` lists them)' },
      { file: FILE, message: 'rules.cpuLimit: "fatal" must be one of error, warning, note, off' },
    ]);
    expect(config.rules).toEqual({ privileged: 'note' });
  });
});

describe('parseConfig: declared', () => {
  test('entries are kept as written, with or without a name', () => {
    const declared = [
      { drainSeconds: 30, propagationSeconds: 5 },
      { kind: 'Deployment', namespace: 'shop', name: 'web', startupMaxSeconds: 0, runMaxSeconds: 600 },
    ];
    expect(parse({ declared })).toEqual({ config: { failOn: 'warning', rules: {}, declared, file: FILE }, problems: [] });
  });

  test('declared left empty (null) declares nothing', () => {
    expect(parse({ declared: null })).toEqual({ config: { failOn: 'warning', rules: {}, declared: [], file: FILE }, problems: [] });
  });

  test('declared that is no list is a problem', () => {
    const { config, problems } = parse({ declared: { name: 'web' } });
    expect(problems).toEqual([{ file: FILE, message: 'declared: must be a list of entries' }]);
    expect(config.declared).toEqual([]);
  });

  test('an entry that is no mapping is one problem, at its index, and the next entries are still read', () => {
    const { config, problems } = parse({ declared: ['web', null, { name: 'api', kind: 7 }] });
    expect(problems.map((problem) => problem.message)).toEqual([
      'declared[0]: must be a mapping',
      'declared[1]: must be a mapping',
      'declared[2].kind: must be a string',
    ]);
    expect(config.declared).toEqual([{ name: 'api', kind: 7 }]);
  });

  test.each([
    ['drainSeconds', -1, '-1'],
    ['startupMaxSeconds', 2.5, '2.5'],
    ['runMaxSeconds', '600', '"600"'],
    ['propagationSeconds', null, 'null'],
  ])('%s: %p is refused, quoted as JSON: a time is a whole number of seconds', (key, value, quoted) => {
    expect(messages({ declared: [{ [key]: value }] })).toEqual([`declared[0].${key}: ${quoted} must be a whole number of seconds`]);
  });

  test('zero seconds is a time', () => {
    expect(messages({ declared: [{ drainSeconds: 0, propagationSeconds: 0, startupMaxSeconds: 0, runMaxSeconds: 0 }] })).toEqual([]);
  });

  test.each(['kind', 'name', 'namespace'])('%s must be a string', (key) => {
    expect(messages({ declared: [{ name: 'web', [key]: 1 }] })).toEqual([`declared[0].${key}: must be a string`]);
  });

  test('an unknown key is a problem naming the known ones, in the order they are documented', () => {
    expect(messages({ declared: [{ name: 'web', drain: 30 }] })).toEqual([`declared[0].drain: unknown key (known: ${KNOWN_ENTRY_KEYS})`]);
  });

  test.each([{ kind: 'Deployment' }, { namespace: 'shop' }, { kind: 'Deployment', namespace: 'shop' }])(
    'kind and namespace without a name (%p) are a problem: they only narrow an entry with a name',
    (entry) => {
      expect(messages({ declared: [{ drainSeconds: 30 }, { ...entry, drainSeconds: 30 }] })).toEqual([
        'declared[1]: kind and namespace only narrow an entry with a name',
      ]);
    },
  );

  test('problems carry their file and no line', () => {
    expect(parse({ declared: [{ drain: 1 }] }).problems).toEqual([
      { file: FILE, message: `declared[0].drain: unknown key (known: ${KNOWN_ENTRY_KEYS})` },
    ]);
  });
});

describe('ruleSettingProblem', () => {
  test.each(['error', 'warning', 'note', 'off'])('%s is a valid setting', (setting) => {
    expect(ruleSettingProblem('cpuLimit', setting)).toBeUndefined();
  });

  test('a renamed id is a valid id', () => {
    expect(ruleSettingProblem('noCpuLimit', 'off')).toBeUndefined();
  });

  test.each(['noSuchRule', 'toString', ''])('%p is an unknown rule id', (id) => {
    expect(ruleSettingProblem(id, 'off')).toBe('unknown rule id (`hardened-workloads rules` lists them)');
  });

  test.each([
    ['Error', '"Error"'],
    [true, 'true'],
    [undefined, undefined],
    [['off'], '["off"]'],
  ])('%p is no setting: a severity or off', (setting, quoted) => {
    expect(ruleSettingProblem('cpuLimit', setting)).toBe(`${quoted} must be one of error, warning, note, off`);
  });
});

describe('deprecationNote', () => {
  test('a renamed id says what it is now called, why, and that the old id still works', () => {
    expect(deprecationNote('noCpuLimit')).toBe(
      'noCpuLimit is now called cpuLimit (the old name read as the opposite of what it checks: that a CPU limit is set); the old id still works, but write cpuLimit',
    );
    expect(deprecationNote('readinessTimeout')).toBe(
      'readinessTimeout is now called probeTimeout (it applies to liveness and startup probes as well as readiness); the old id still works, but write probeTimeout',
    );
  });

  test.each(['cpuLimit', 'noSuchRule', 'toString', 'constructor'])('%p has no note', (id) => {
    expect(deprecationNote(id)).toBeUndefined();
  });
});

describe('declaredFor: the times of one workload', () => {
  const WEB = { kind: 'Deployment', name: 'web', namespace: 'shop' };
  const config = (...declared: CheckConfig['declared']): CheckConfig => ({ ...DEFAULT_CONFIG, declared });

  test('nothing declared anywhere is no times', () => {
    expect(declaredFor(WEB, DEFAULT_CONFIG, {}, {})).toEqual({});
  });

  test('an entry without a name applies to every workload', () => {
    expect(declaredFor(WEB, config({ drainSeconds: 30 }), {}, {})).toEqual({ drainSeconds: 30 });
  });

  test('the flags win over entries without a name', () => {
    expect(declaredFor(WEB, config({ drainSeconds: 30, propagationSeconds: 5 }), { drainSeconds: 40 }, {})).toEqual({
      drainSeconds: 40,
      propagationSeconds: 5,
    });
  });

  test("the object's annotation wins over the flags", () => {
    expect(declaredFor(WEB, DEFAULT_CONFIG, { drainSeconds: 40, runMaxSeconds: 9 }, { drainSeconds: 50 })).toEqual({
      drainSeconds: 50,
      runMaxSeconds: 9,
    });
  });

  test('an entry naming the object wins over its annotation', () => {
    const named = config({ name: 'web', drainSeconds: 60 });
    expect(declaredFor(WEB, named, {}, { drainSeconds: 50, startupMaxSeconds: 20 })).toEqual({ drainSeconds: 60, startupMaxSeconds: 20 });
  });

  test('a time left undefined in a more specific place does not erase a less specific one', () => {
    expect(
      declaredFor(
        WEB,
        config({ drainSeconds: 30, propagationSeconds: 5, startupMaxSeconds: 10, runMaxSeconds: 100 }),
        { drainSeconds: undefined, propagationSeconds: undefined, startupMaxSeconds: undefined, runMaxSeconds: undefined },
        {},
      ),
    ).toEqual({ drainSeconds: 30, propagationSeconds: 5, startupMaxSeconds: 10, runMaxSeconds: 100 });
  });

  test("the other containers' times come from the annotation, and are absent when it gives none", () => {
    const containers = { proxy: { stopSeconds: 5 } };
    expect(declaredFor(WEB, DEFAULT_CONFIG, {}, { containers })).toEqual({ containers });
    expect(Object.keys(declaredFor(WEB, DEFAULT_CONFIG, {}, { drainSeconds: 1 }))).toEqual(['drainSeconds']);
  });

  test('an entry naming another object does not apply', () => {
    expect(declaredFor(WEB, config({ name: 'api', drainSeconds: 60 }), {}, {})).toEqual({});
  });

  test.each([
    [{ kind: 'StatefulSet', name: 'web', drainSeconds: 60 }, {}],
    [{ namespace: 'other', name: 'web', drainSeconds: 60 }, {}],
    [{ kind: 'Deployment', namespace: 'shop', name: 'web', drainSeconds: 60 }, { drainSeconds: 60 }],
    [{ kind: 'Deployment', name: 'web', drainSeconds: 60 }, { drainSeconds: 60 }],
    [{ namespace: 'shop', name: 'web', drainSeconds: 60 }, { drainSeconds: 60 }],
  ])('kind and namespace narrow an entry with a name: %p gives %p', (entry, times) => {
    expect(declaredFor(WEB, config(entry), {}, {})).toEqual(times);
  });

  test("an object without a namespace is named by an entry whose namespace is '', not by another namespace", () => {
    const bare = { kind: 'Deployment', name: 'web' };
    expect(declaredFor(bare, config({ namespace: '', name: 'web', drainSeconds: 60 }), {}, {})).toEqual({ drainSeconds: 60 });
    expect(declaredFor(bare, config({ namespace: 'shop', name: 'web', drainSeconds: 60 }), {}, {})).toEqual({});
  });

  test('a workload serves traffic unless told otherwise', () => {
    expect(declaredFor(WEB, config({ drainSeconds: 30 }), { propagationSeconds: 5 }, {})).toEqual({
      drainSeconds: 30,
      propagationSeconds: 5,
    });
  });

  test('for a workload that serves no traffic, entries without a name and the flags give only how long a run takes', () => {
    const general = config({ drainSeconds: 30, runMaxSeconds: 100 }, { startupMaxSeconds: 20 });
    expect(declaredFor(WEB, general, { propagationSeconds: 5, runMaxSeconds: 200 }, {}, false)).toEqual({ runMaxSeconds: 200 });
    expect(declaredFor(WEB, general, { propagationSeconds: 5 }, {}, false)).toEqual({ runMaxSeconds: 100 });
    expect(declaredFor(WEB, general, {}, {}, false)).toEqual({ runMaxSeconds: 100 });
    expect(declaredFor(WEB, config({ drainSeconds: 30 }), { propagationSeconds: 5 }, {}, false)).toEqual({});
  });

  test('for a workload that serves no traffic, its annotation and the entries naming it still apply in full', () => {
    const named = config({ drainSeconds: 30 }, { name: 'web', propagationSeconds: 7 });
    expect(declaredFor(WEB, named, {}, { startupMaxSeconds: 20 }, false)).toEqual({ propagationSeconds: 7, startupMaxSeconds: 20 });
  });
});

describe('unmatchedEntries', () => {
  const OBJECTS = [
    { kind: 'Deployment', name: 'web', namespace: 'shop' },
    { kind: 'Job', name: 'migrate' },
  ];
  const config = (...declared: CheckConfig['declared']): CheckConfig => ({ ...DEFAULT_CONFIG, declared, file: FILE });

  test('entries without a name, and entries naming a workload of the input, are fine', () => {
    expect(
      unmatchedEntries(config({ drainSeconds: 1 }, { name: 'web' }, { kind: 'Job', namespace: '', name: 'migrate' }), OBJECTS),
    ).toEqual([]);
  });

  test('an entry naming no workload is a problem at its index, with kind, namespace and name as written', () => {
    expect(
      unmatchedEntries(
        config({ name: 'web' }, { kind: 'Deployment', namespace: 'shop', name: 'wbe' }, { kind: 'Deployment', name: 'migrate' }),
        OBJECTS,
      ),
    ).toEqual([
      {
        file: FILE,
        message:
          'declared[1]: names Deployment/shop/wbe, which is no workload of the input; correct kind, namespace or name, or remove the entry',
      },
      {
        file: FILE,
        message:
          'declared[2]: names Deployment/migrate, which is no workload of the input; correct kind, namespace or name, or remove the entry',
      },
    ]);
  });

  test('a name alone is written alone', () => {
    expect(unmatchedEntries(config({ name: 'api' }), OBJECTS).map((problem) => problem.message)).toEqual([
      'declared[0]: names api, which is no workload of the input; correct kind, namespace or name, or remove the entry',
    ]);
  });

  test('without a file, the problem is of the configuration', () => {
    expect(unmatchedEntries({ ...DEFAULT_CONFIG, declared: [{ name: 'api' }] }, OBJECTS).map((problem) => problem.file)).toEqual([
      'the configuration',
    ]);
  });
});
