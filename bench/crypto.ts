// Vector A's keys (WeCom doc 91144): public Tencent sample credentials, used by the benchmark processes.
export const BENCH_CRYPTO = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};
