#!/usr/bin/env node
'use strict';
// Turns a bench graph ({nodes:[{id}], edges:[{source,target}]}) into a
// chainmap file with the same stages and flows, for the import + analysis
// benchmark: stage i is "s<i>" as in the graph; every stage whose numeric id
// is not a multiple of 7 gets a topic (so "uncovered" matches the bench's
// proxy), spread over 200 students and 20 supervisors.
//   node bench/to-chainmap.js GRAPH.json > MAP.chainmap.json
const fs = require('fs');
const g = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const num = id => Number(String(id).replace(/\D/g, ''));
const people = [];
for (let i = 0; i < 200; i++) people.push({ id: 'st' + i, name: 'Student ' + i, kind: 'student' });
for (let i = 0; i < 20; i++) people.push({ id: 'sv' + i, name: 'Professor ' + i, kind: 'academic_supervisor' });
const topics = [];
for (const n of g.nodes) {
  const k = num(n.id);
  if (k % 7 === 0) continue;
  topics.push({ id: 't' + k, title: 'Topic ' + k, student: 'st' + (k % 200), stage: String(n.id), supervisors: ['sv' + (k % 20)] });
}
const map = {
  format: 'chainmap', version: 1,
  project: { title: 'Benchmark: ' + (g.meta && g.meta.n ? g.meta.n : g.nodes.length) + ' stages' },
  stages: g.nodes.map(n => ({ id: String(n.id), name: 'Stage ' + n.id })),
  flows: g.edges.map((e, i) => ({ id: 'f' + i, from: String(e.source), to: String(e.target), artifact: 'part ' + i })),
  people, topics,
};
process.stdout.write(JSON.stringify(map, null, 1) + '\n');
