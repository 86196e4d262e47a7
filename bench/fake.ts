import { startFakeWecom } from '../src/fake-wecom';
import { BENCH_CRYPTO } from './crypto';

// The fake WeCom in its own process for the benchmark's "workers running" mode.
const fake = await startFakeWecom({ corpId: BENCH_CRYPTO.corpId, secret: 'bench-secret' });
console.log(`READY ${fake.url}`);
