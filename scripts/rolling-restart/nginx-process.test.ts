import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/server/http/create-app.ts';
import { SITE_CONFIG, withPorts } from './nginx-process.ts';

const site = readFileSync(SITE_CONFIG, 'utf8');

describe('the shipped nginx configuration', () => {
  it('is run by the rolling-restart check with only its ports changed', () => {
    const local = withPorts(site, { listen: 8242, instances: [8243, 8244] });
    expect(local).toContain('listen 127.0.0.1:8242;');
    expect(local).toContain('server 127.0.0.1:8243 ');
    expect(local).toContain('server 127.0.0.1:8244 ');
    const shipped = site.split('\n');
    const changed = local.split('\n').filter((line, i) => line !== shipped[i]);
    expect(changed).toHaveLength(3);
  });

  it('lets through every body the route accepts, and keeps it in memory', () => {
    const megabytes = Number(/client_max_body_size (\d+)m;/.exec(site)?.[1]);
    expect(megabytes * 1024 * 1024).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
    expect(site).toContain(`client_body_buffer_size ${megabytes}m;`);
  });
});
