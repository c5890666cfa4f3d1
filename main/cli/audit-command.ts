import type { AuditChain } from '../../shared/api/audit';
import { describeAuditBreak } from '../../shared/audit/describe';
import { dataDirOf, parseCommand, UsageError } from './args';
import type { Command } from './commands';
import { callAsCli } from './core-call';
import { openLockedCore } from './locked-core';

const out = (line: string) => process.stdout.write(line + '\n');

export const audit: Command = {
  usage: 'audit verify    校验操作日志的哈希链：完整则报告条数，否则指出第一处断点（退出码 1）',
  run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'verify') throw new UsageError(`audit 只支持子命令 verify，收到：${sub ?? '（空）'}`);
    const { values } = parseCommand(rest, {});
    const core = openLockedCore({ dataDir: dataDirOf(values) });
    try {
      const r = callAsCli<AuditChain>(core, 'audit.verify', {});
      if (!r.broken) {
        out(`操作日志完整：共 ${r.count} 条记录，哈希链无断点。`);
        return;
      }
      out(`操作日志的哈希链已断开（共 ${r.count} 条记录）。第一处断点：`);
      out(`  ${describeAuditBreak(r.broken)}`);
      throw new Error('操作日志校验未通过，可能被人改动过');
    } finally {
      core.close();
    }
  },
};
