import { describe, expect, it } from 'vitest';
import { newDemoUnit, signIn, testApp } from './helpers.js';

describe('workbench', () => {
  it('seeds sample work', async () => {
    const ctx = await testApp();
    const demo = await newDemoUnit(ctx, { sampleWork: true });
    const office = await signIn(ctx, demo.user('office'));
    const res = await office.get('/api/items?pageSize=50');
    console.log(res.statusCode, res.json().items.map((i: any) => [i.title, i.status, i.due, i.colour]));
    const wb = await office.get('/api/workbench');
    console.log(JSON.stringify(wb.json().itemFigures));
  });
});
