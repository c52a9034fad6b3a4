// 使用帮助: the site's help page for cadres and trainers. Every button, menu
// and key it names is one the site has (tests/e2e/help.test.ts presses them):
// the search box (SearchBox.vue), 大字模式 (LargeTypeToggle.vue), 放映模式
// (Presentation.vue), the menus (scripts/site/nav.ts) and the print styles.

import type { RootContent } from 'mdast'
import { heading, link, list, pageTitle, paragraph, strong, type Page } from './markdown.ts'
import { url } from './common.ts'

export const HELP_PATH = 'help.md'
/** The page's address, for the links to it (home page, every page's foot). */
export const helpUrl = () => '/help'

export function helpPage(pdf: boolean): Page {
  const body: RootContent[] = [
    pageTitle('使用帮助'),
    paragraph('本站收录各级实施方案，把每项任务的内容、责任单位和完成时限整理成网页，可检索、可打印、可在没有互联网的内网使用。'),

    heading(2, '查找本单位的职责'),
    list([
      ['点击顶栏的', strong('我的职责'), '（手机上在右上角的菜单里），先选择行政区划（省、市、县、乡镇，括号中是文件数），再选择本单位，例如“镇政府”。也可以从', link('/', '首页'), '的“我的职责”列表进入，或直接打开', link(url.units(), '我的职责'), '。'],
      ['同名的单位按行政区划分开：各乡镇的“镇政府”“各村”各有页面，标题写明所属区划，例如“荫城镇 · 镇政府”。县（区）文件发给“各乡镇人民政府”的任务，列在各乡镇政府页面的', strong('上级文件的任务'), '下，注明出自哪份文件。'],
      ['单位页面列出发给本单位的全部任务，按完成时限排列：有具体日期的在前，其次是“每月”等定期任务，最后是“长期坚持”。每项任务注明所属措施和责任方式。'],
      ['发给本单位所属群体的任务本单位也须完成。例如“负有安全监管职责的站所”属于“各站所”，发给“各站所”的任务也列在它的页面上，注明“经由“各站所””。'],
      ['点击任务名称打开任务页，可看到任务全文、责任单位、完成时限，以及方案原文中的位置（“查看原文”）。'],
      ['每个方案的首页（左侧目录中的', strong('方案首页'), '）下方有', strong('下载'), '：任务台账（Excel）、任务台账（CSV）和日历（ICS，可导入手机和电脑日历）。'],
      ...(pdf ? [['单位页面上的', strong('下载职责清单 PDF（A4）'), '是本单位的任务清单，可直接打印张贴。']] : []),
    ]),

    heading(2, '搜索'),
    list([
      ['点击顶栏的', strong('搜索'), '（手机上是放大镜图标），或在键盘上按 ', strong('Ctrl K'), '（苹果电脑 ', strong('⌘ K'), '）或 ', strong('/'), ' 打开搜索框。'],
      ['输入任务、单位、时限中的任何词语，例如“消防”“镇党委”“6月底”。句子中间的词也能找到。'],
      ['输入几个词时用空格分开，例如“消防 培训”：结果须同时包含这几个词。'],
      ['本站收有多个区划的文件时，每条结果注明所属区划；在词语前加上地名，例如“西火镇 隐患”，只看该区划的任务，“上党区 隐患”则包括上党区及其下各乡镇的任务。'],
      ['可以输入拼音全拼，例如 ', strong('xiaofang'), '（消防）；三到四个字的词也可以输入拼音首字母，例如 ', strong('aqsc'), '（安全生产）。两个字母的首字母不检索，范围太大。'],
      ['常见的同义说法也能找到，例如“危化品”和“危险化学品”、“电动车”和“电动自行车”。'],
      ['用 ', strong('↑'), ' ', strong('↓'), ' 选择结果，', strong('Enter'), ' 打开，', strong('Esc'), ' 关闭搜索框。没有找到时，搜索框会提示可以试试的相近词语。'],
    ]),

    heading(2, '打印'),
    list([
      ['打印整份方案：在方案的左侧目录“文件”中点击', strong('全文打印'), '，再用浏览器的打印（', strong('Ctrl P'), '）。页面按公文格式排版（A4、仿宋）。', ...(pdf ? ['方案首页的“下载”中也有排好版的全文 PDF。'] : [])],
      ['打印一项任务：在任务页按 ', strong('Ctrl P'), '。打印时不带顶栏、目录和按钮，页首注明出自哪份文件，一项任务打印在一页 A4 上。'],
      ['打印本单位的任务：在“我的职责”中打开本单位页面，按 ', strong('Ctrl P'), '，打印出来的是本单位的职责清单。'],
    ]),

    heading(2, '大字模式'),
    paragraph('点击顶栏的', strong('大字模式'), '：文字放大到一倍半，对比更强，适合老花眼或在大屏上阅读。再点一次（按钮变为', strong('标准字号'), '）恢复。本浏览器会记住这个选择，打开其他页面时保持不变。'),

    heading(2, '放映模式（培训、开会时投影）'),
    paragraph('在措施页或任务页的标题旁点击', strong('放映模式'), '：一屏显示一项任务（任务名称、责任单位、完成时限、任务内容），适合投影讲解。翻页笔和键盘都可以操作：'),
    list([
      [strong('→'), ' ', strong('↓'), ' ', strong('空格'), ' ', strong('PageDown'), '：下一项'],
      [strong('←'), ' ', strong('↑'), ' ', strong('PageUp'), '：上一项'],
      [strong('Home'), '：第一项；', strong('End'), '：最后一项'],
      [strong('F'), '：全屏（再按一次退出全屏）'],
      [strong('Esc'), '：退出放映'],
    ]),
    paragraph('放映时网址随当前任务变化，刷新页面后从同一项继续。'),

    heading(2, '没有网络时'),
    paragraph('本站的全部内容都在本单位的服务器上，不需要访问互联网；搜索也在浏览器中完成。'),
  ]
  return { path: HELP_PATH, frontmatter: { title: '使用帮助' }, body }
}
