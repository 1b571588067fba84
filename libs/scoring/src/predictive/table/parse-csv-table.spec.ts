import { parseCsvTable } from './parse-csv-table';
import { prepareDataset } from './prepare-dataset';

describe('CSV tables', () => {
  it('reads semicolon files with quoted fields, decimal commas and NA-style missing cells', () => {
    const table = parseCsvTable('\uFEFFname;"revenue";note;won\n"Acme; Inc";1,5;"said ""hi""";yes\nBeta;NA;;no\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['name', 'revenue', 'note', 'won']);
    expect(table.rows).toEqual([
      ['Acme; Inc', '1,5', 'said "hi"', 'yes'],
      ['Beta', undefined, undefined, 'no'],
    ]);
    const data = prepareDataset(table, { target: 'won' });
    expect(data.rows.map((r) => r[data.columns.findIndex((c) => c.name === 'revenue')])).toEqual([1.5, undefined]);
  });

  it('drops the empty column of a trailing comma on every line, and names unnamed columns that hold values', () => {
    const table = parseCsvTable('a,b,,\n1,x,7,\n2,y,8,\n');
    expect(table.header).toEqual(['a', 'b', 'column_3']);
    expect(table.rows[1]).toEqual(['2', 'y', '8']);
  });

  it('detects numeric and categorical columns and drops constant, identifier and excluded ones', () => {
    const lines = ['id,visits,source,flag,always,converted'];
    for (let i = 0; i < 40; i++) lines.push(`u${i},${i % 3 === 0 ? '' : i},${['ads', 'ref', 'seo'][i % 3]},${i === 5 ? 'Y' : ''},x,${i % 4 === 0 ? 1 : 0}`);
    const data = prepareDataset(parseCsvTable(lines.join('\n')), { target: 'converted', exclude: ['source'] });
    expect(data.columns).toEqual([
      { name: 'visits', kind: 'numeric' },
      { name: 'flag', kind: 'categorical' },
    ]);
    expect(data.dropped).toEqual([
      { column: 'id', reason: 'identifier' },
      { column: 'source', reason: 'excluded' },
      { column: 'always', reason: 'constant' },
    ]);
    expect(data.positive).toBe('1');
    expect(data.labels.reduce((s, y) => s + y, 0)).toBe(10);
  });

  it('picks the positive class, skips rows without a target and explains a bad target', () => {
    const table = parseCsvTable('x,outcome\n1,lost\n2,won\n3,lost\n4,\n5,lost\n');
    expect(prepareDataset(table, { target: 'outcome' })).toMatchObject({ positive: 'won', skipped: 1 });
    expect(prepareDataset(table, { target: 'outcome', positive: 'lost' }).labels).toEqual(Uint8Array.from([1, 0, 1, 1]));
    expect(() => prepareDataset(table, { target: 'Outcome' })).toThrow(/no column "Outcome"/);
    expect(() => prepareDataset(table, { target: 'outcome', exclude: ['y'] })).toThrow(/unknown column\(s\): y/);
    expect(() => prepareDataset(parseCsvTable('x,t\n1,a\n2,b\n3,c\n'), { target: 't' })).toThrow(/--positive/);
  });
});
