// The same workload as chainmap's `analyse_json`, written the straightforward
// way in JavaScript on graphology: read a chainmap file (JSON.parse and the
// rules of FORMAT.md), build the graph of stages and flows, find every gap of
// PRODUCT.md's catalogue, the coverage view, and the upstream and downstream
// of 100 stages picked as bench/analysis.html picks them (mulberry32, seed 42).
// Returns the counts (which must equal ours: bench/run-analysis.js checks).
//
// In a page: <script src="graphology.bundle.js"> (window.GB) then this file;
// in Node: require('./chainmap-graphology.js')(text) with graphology on NODE_PATH.
(function (root) {
  'use strict';

  function lib() {
    if (root.GB) return root.GB;
    const { DirectedGraph } = require('graphology');
    const { stronglyConnectedComponents, connectedComponents } = require('graphology-components');
    const { bfsFromNode } = require('graphology-traversal');
    return { DirectedGraph, stronglyConnectedComponents, connectedComponents, bfsFromNode };
  }

  function mulberry32(seed) {
    let a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const ID = /^[A-Za-z0-9_.-]{1,64}$/;
  const CONTROL = /[\u0000-\u001f\u007f]/;
  const CONTROL_LONG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
  const KINDS = new Set(['student', 'academic_supervisor', 'enterprise_supervisor']);
  const isString = (v) => typeof v === 'string';
  const blank = (s) => !isString(s) || s.trim() === '';

  /** Every problem of FORMAT.md's rules, as short strings (none: valid). */
  function check(m) {
    const problems = [];
    const bad = (what) => problems.push(what);
    if (m === null || typeof m !== 'object' || Array.isArray(m)) return ['not an object'];
    if (m.format !== 'chainmap') bad('format');
    if (m.version !== 1) bad('version');
    const text = (v, path, { required = false, max = 200, long = false } = {}) => {
      if (v === undefined || v === null) { if (required) bad(path); return; }
      if (!isString(v)) return bad(path);
      const t = v.trim();
      if (required && t === '') bad(path);
      if ([...t].length > max) bad(path);
      if ((long ? CONTROL_LONG : CONTROL).test(v)) bad(path);
    };
    const list = (v, path) => {
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v)) { bad(path); return []; }
      return v;
    };
    const ids = (items, path) => {
      const seen = new Map();
      items.forEach((x, i) => {
        if (x === null || typeof x !== 'object' || Array.isArray(x)) return bad(`${path}[${i}]`);
        if (!isString(x.id) || !ID.test(x.id)) return bad(`${path}[${i}].id`);
        if (seen.has(x.id)) bad(`${path}[${i}].id`); else seen.set(x.id, i);
      });
      return seen;
    };
    const p = m.project;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) bad('project');
    const project = p || {};
    text(project.title, 'project.title', { required: true });
    text(project.source, 'project.source');
    text(project.background, 'project.background', { max: 10000, long: true });
    const phases = list(project.phases, 'project.phases');
    const phaseIds = ids(phases, 'project.phases');
    phases.forEach((ph, i) => text(ph && ph.name, `project.phases[${i}].name`, { required: true }));

    const stages = list(m.stages, 'stages');
    const flows = list(m.flows, 'flows');
    const people = list(m.people, 'people');
    const topics = list(m.topics, 'topics');
    if (stages.length > 10000 || flows.length > 50000 || people.length > 10000 || topics.length > 10000) bad('too many');
    const stageIds = ids(stages, 'stages');
    stages.forEach((s, i) => {
      if (!s || typeof s !== 'object') return;
      text(s.name, `stages[${i}].name`, { required: true });
      if (s.phase !== undefined && s.phase !== null && !phaseIds.has(s.phase)) bad(`stages[${i}].phase`);
      text(s.role, `stages[${i}].role`);
      for (const k of ['external_inputs', 'external_outputs']) list(s[k], `stages[${i}].${k}`).forEach((x, j) => text(x, `stages[${i}].${k}[${j}]`));
      if (s.pos !== undefined && s.pos !== null) {
        for (const a of ['x', 'y']) {
          const v = s.pos[a];
          if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e7) bad(`stages[${i}].pos.${a}`);
        }
      }
    });
    ids(flows, 'flows');
    flows.forEach((f, i) => {
      if (!f || typeof f !== 'object') return;
      if (!stageIds.has(f.from)) bad(`flows[${i}].from`);
      if (!stageIds.has(f.to)) bad(`flows[${i}].to`);
      if (f.from === f.to) bad(`flows[${i}].to`);
      text(f.artifact, `flows[${i}].artifact`);
    });
    const personIds = ids(people, 'people');
    people.forEach((x, i) => {
      if (!x || typeof x !== 'object') return;
      text(x.name, `people[${i}].name`, { required: true });
      if (!KINDS.has(x.kind)) bad(`people[${i}].kind`);
      text(x.affiliation, `people[${i}].affiliation`);
    });
    const kindOf = (id) => { const i = personIds.get(id); return i === undefined ? undefined : people[i].kind; };
    ids(topics, 'topics');
    topics.forEach((t, i) => {
      if (!t || typeof t !== 'object') return;
      text(t.title, `topics[${i}].title`, { required: true });
      if (kindOf(t.student) !== 'student') bad(`topics[${i}].student`);
      if (t.stage !== undefined && t.stage !== null && !stageIds.has(t.stage)) bad(`topics[${i}].stage`);
      const seen = new Set();
      list(t.supervisors, `topics[${i}].supervisors`).forEach((s, j) => {
        const k = kindOf(s);
        if (seen.has(s) || k === undefined || k === 'student') bad(`topics[${i}].supervisors[${j}]`);
        seen.add(s);
      });
      if (t.defense_date !== undefined && t.defense_date !== '') {
        const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.defense_date || '');
        const day = d && new Date(Date.UTC(+d[1], +d[2] - 1, +d[3]));
        if (!d || day.getUTCFullYear() !== +d[1] || day.getUTCMonth() !== +d[2] - 1 || day.getUTCDate() !== +d[3]) bad(`topics[${i}].defense_date`);
      }
      text(t.notes, `topics[${i}].notes`, { max: 10000, long: true });
    });
    return problems;
  }

  function analyse(text) {
    const { DirectedGraph, stronglyConnectedComponents, connectedComponents, bfsFromNode } = lib();
    const m = JSON.parse(text);
    const problems = check(m);
    if (problems.length) return { error: `invalid map: ${problems.length}` };
    const stages = m.stages || [], flows = m.flows || [], people = m.people || [], topics = m.topics || [];
    const phases = (m.project.phases || []);

    const G = new DirectedGraph();
    for (const s of stages) G.addNode(s.id);
    for (const f of flows) G.mergeEdge(f.from, f.to);
    const person = new Map(people.map((p) => [p.id, p]));
    const topicsAt = new Map();
    for (const t of topics) if (t.stage) { if (!topicsAt.has(t.stage)) topicsAt.set(t.stage, []); topicsAt.get(t.stage).push(t); }
    const covered = (id) => topicsAt.has(id);
    const anyNamed = (xs) => (xs || []).some((x) => !blank(x));
    const gaps = [];
    const gap = (code, ids) => gaps.push({ code, ids });

    for (const t of topics) if (!t.stage) gap('unplaced-topic', [t.id]);
    for (const t of topics) if (!(t.supervisors || []).some((s) => person.get(s).kind !== 'student')) gap('unsupervised-topic', [t.id]);
    for (const s of stages) if (!covered(s.id)) gap('uncovered-stage', [s.id]);
    for (const s of stages) if (G.inDegree(s.id) === 0 && !anyNamed(s.external_inputs)) gap('unsupplied-stage', [s.id]);
    for (const s of stages) if (G.outDegree(s.id) === 0 && !anyNamed(s.external_outputs)) gap('dead-end-stage', [s.id]);
    for (const f of flows) if (blank(f.artifact)) gap('unnamed-flow', [f.id]);
    for (const t of topics) {
      if (!t.stage) continue;
      G.forEachInNeighbor(t.stage, (u) => { if (!covered(u)) gap('upstream-uncovered', [t.id, u]); });
    }
    // Islands: every weakly connected set but the main chain (the largest;
    // of equal ones, the one holding the earliest stage).
    const order = new Map(stages.map((s, i) => [s.id, i]));
    const sets = connectedComponents(G).map((c) => c.sort((a, b) => order.get(a) - order.get(b)));
    sets.sort((a, b) => order.get(a[0]) - order.get(b[0]));
    let main = 0;
    sets.forEach((c, i) => { if (c.length > sets[main].length) main = i; });
    sets.forEach((c, i) => { if (i !== main) gap('island', c); });
    const phaseTotal = new Map(phases.map((p) => [p.id, 0])), phaseCovered = new Map(phases.map((p) => [p.id, 0]));
    for (const s of stages) if (s.phase) { phaseTotal.set(s.phase, phaseTotal.get(s.phase) + 1); if (covered(s.id)) phaseCovered.set(s.phase, phaseCovered.get(s.phase) + 1); }
    for (const p of phases) if (phaseTotal.get(p.id) > 0 && phaseCovered.get(p.id) === 0) gap('uncovered-phase', [p.id]);
    for (const t of topics) if (!(t.supervisors || []).some((s) => person.get(s).kind === 'enterprise_supervisor')) gap('no-enterprise-supervisor', [t.id]);
    const busy = new Set(topics.map((t) => t.student));
    for (const p of people) if (p.kind === 'student' && !busy.has(p.id)) gap('idle-student', [p.id]);
    for (const s of stages) { const at = topicsAt.get(s.id); if (at && at.length > 1) gap('crowded-stage', [s.id, ...at.map((t) => t.id)]); }
    for (const c of stronglyConnectedComponents(G)) if (c.length > 1) gap('loop', c.sort((a, b) => order.get(a) - order.get(b)));
    for (const p of phases) if (phaseTotal.get(p.id) === 0) gap('empty-phase', [p.id]);

    // Coverage: per phase, the stage x student matrix, topics per supervisor, the share.
    // The matrix is sparse, as ours is: each row groups its stage's topics by student.
    const students = people.filter((p) => p.kind === 'student').map((p) => p.id);
    const matrix = stages.map((s) => {
      const row = new Map();
      for (const t of topicsAt.get(s.id) || []) { if (!row.has(t.student)) row.set(t.student, []); row.get(t.student).push(t.id); }
      return row;
    });
    const perSupervisor = new Map();
    for (const t of topics) for (const s of t.supervisors || []) { if (!perSupervisor.has(s)) perSupervisor.set(s, []); perSupervisor.get(s).push(t.id); }
    const share = stages.length ? stages.filter((s) => covered(s.id)).length / stages.length : 0;

    const next = mulberry32(42);
    let up = 0, down = 0;
    const picks = 100;
    for (let i = 0; i < picks; i++) {
      const s = stages[Math.floor(next() * stages.length)].id;
      bfsFromNode(G, s, () => { down++; }, { mode: 'outbound' });
      bfsFromNode(G, s, () => { up++; }, { mode: 'inbound' });
    }
    const byCode = {};
    for (const g of gaps) byCode[g.code] = (byCode[g.code] || 0) + 1;
    return {
      stages: stages.length, flows: flows.length, gaps: gaps.length, by_code: byCode,
      mean_upstream: Math.round(((up - picks) / picks) * 10) / 10, mean_downstream: Math.round(((down - picks) / picks) * 10) / 10,
      coverage: { phases: phases.length, students: students.length, cells: matrix.reduce((n, r) => n + r.size, 0), supervisors: perSupervisor.size, share: Math.round(share * 1000) / 1000 },
    };
  }

  // The picks' generator, for the page's other workload too.
  analyse.mulberry32 = mulberry32;
  if (typeof module !== 'undefined' && module.exports) module.exports = analyse;
  else root.chainmapGraphology = analyse;
})(typeof window !== 'undefined' ? window : globalThis);
