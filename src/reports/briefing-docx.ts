import type { LocalDate } from '../kernel/time';
import { bodyPara, fullCnDate, level1, monthLabel, officialDocx, sentence } from './official-doc';

// The two other printed 督查通报 in the D41 frame: the 约谈记录 (BRF-06, 000 督查通报 第五条(二), 第六条(二)2) and
// the notice to a department's 派驻部门 (BRF-09, 第五条(三) "向其派驻部门负责单位进行书面通报，同时报告纪检监察组").

export interface TalkPrint {
  /** 发文字号, printed form. */
  no: string;
  deptName: string;
  /** 首席代表 / 分管领导. */
  target: string;
  targetName: string;
  /** `YYYY-MM`, the month the problems were found in. */
  month: string;
  talkDate: LocalDate;
  talkers: string;
  /** 问题清单: reasons and the record numbers behind them. */
  issues: string;
  opinions: string;
  requirements: string;
  due: LocalDate | null;
  /** 成文日期: the day a 中心领导 approved the record. */
  date: LocalDate;
}

/** The 约谈记录 (OPEN #23 fields) as a 公文 to the department talked to, 抄送 the center leaders. */
export async function talkRecordDocx(t: TalkPrint): Promise<Buffer> {
  return officialDocx({
    no: t.no,
    title: `关于约谈${t.deptName}${t.target}的记录`,
    mainTo: t.deptName,
    date: t.date,
    copyTo: ['中心领导'],
    body: [
      bodyPara(
        `针对${monthLabel(t.month)}督查中发现的问题，政务服务中心对${t.deptName}${t.target}进行了约谈。现将约谈情况记录如下：`,
      ),
      level1(1, '约谈基本情况'),
      bodyPara(`约谈时间：${fullCnDate(t.talkDate)}。`),
      bodyPara(`约谈人：${t.talkers}。`),
      bodyPara(`被约谈人：${t.deptName}${t.target}${t.targetName}。`),
      level1(2, '存在问题'),
      bodyPara(sentence(t.issues || '无')),
      level1(3, '意见建议'),
      bodyPara(sentence(t.opinions || '无')),
      level1(4, '整改要求'),
      bodyPara(sentence(t.requirements)),
      ...(t.due ? [bodyPara(`请于${fullCnDate(t.due)}前完成整改，整改情况报送大厅管理室。`)] : []),
    ],
  });
}

export interface ExternalPrint {
  no: string;
  deptName: string;
  /** The 派驻部门 (主送). */
  parent: string;
  /** What happened, as the hall wrote it. */
  note: string;
  /** The record it rests on (巡查 / 投诉 number). */
  source: string;
  date: LocalDate;
}

/** The BRF-09 notice to the 派驻部门, reported at the same time to the 纪检监察组 (抄送). */
export async function externalNoticeDocx(e: ExternalPrint): Promise<Buffer> {
  return officialDocx({
    no: e.no,
    title: `关于${e.deptName}窗口有关问题的通报`,
    mainTo: e.parent,
    date: e.date,
    copyTo: ['纪检监察组'],
    body: [
      bodyPara(
        `${e.deptName}进驻旗政务服务中心窗口在服务工作中存在严重问题，影响恶劣且整改不到位。根据《乌审旗政务服务中心督查通报制度》第五条规定，现将有关情况通报如下：`,
      ),
      level1(1, '基本情况'),
      bodyPara(`${sentence(e.note)}（督查记录编号：${e.source}）`),
      level1(2, '有关要求'),
      bodyPara('请贵单位督促该窗口及工作人员认真整改，并将整改情况书面反馈旗政务服务中心。'),
    ],
  });
}
