/**
 * For every ErrorCode: what happened, what was kept safe, what to do — in both languages.
 * Typed as Record<ErrorCode, …> so a new code fails the type check until it has its text.
 */
import type { ErrorCode } from '../../../../core/errors';
// warn-s7: the language type written here (not imported from i18n.ts, which needs the DOM), so the
// main process can word a native box's failures with this same table (electron/labels.ts)
type Lang = 'zh' | 'en';

export interface ErrorText {
  what: string;
  safe: string;
  todo: string;
}

type Table = Record<ErrorCode, ErrorText>;

const safeFile = { en: 'The file itself was not changed.', zh: '原文件没有被修改。' };
const safeWork = { en: 'Your reviews saved so far are kept.', zh: '已保存的审核结果不受影响。' };

const en: Table = {
  'file-unreadable': { what: 'The file could not be read.', safe: safeFile.en, todo: 'Check that it is not open in another program and that you may read it, then add it again.' },
  'file-not-found': { what: 'The file is no longer where it was.', safe: safeWork.en, todo: 'Check the path, or add the file again from its new place.' },
  'file-empty': { what: 'The file is empty.', safe: safeFile.en, todo: 'Choose the file that holds the report text.' },
  'file-too-large': { what: 'The file is too large to import.', safe: safeFile.en, todo: 'Split the report into smaller files and add those.' },
  'binary-file': { what: 'The file is not text (it looks like a binary file).', safe: safeFile.en, todo: 'Save the report as .txt, .docx, .html or .pdf and add that.' },
  'unknown-encoding': { what: 'The text encoding of the file could not be recognised.', safe: safeFile.en, todo: 'Save the file as UTF-8 (or GB18030) and add it again.' },
  'unsupported-format': { what: 'This kind of file is not supported.', safe: safeFile.en, todo: 'Use .txt, .md, .docx, .html or .pdf.' },
  'corrupt-docx': { what: 'The Word file is damaged and could not be opened.', safe: safeFile.en, todo: 'Open it in Word, save a copy, and add the copy.' },
  'corrupt-pdf': { what: 'The PDF file is damaged and could not be opened.', safe: safeFile.en, todo: 'Export the PDF again, or save the report as text.' },
  'pdf-encrypted': { what: 'The PDF is password-protected.', safe: safeFile.en, todo: 'Remove the protection (or export as text) and add it again.' },
  'pdf-no-text': { what: 'The PDF has no text layer (it is a scan).', safe: safeFile.en, todo: 'Run OCR on it first, or add a text version of the report.' },
  'corrupt-html': { what: 'The web page file could not be read as HTML.', safe: safeFile.en, todo: 'Save the page again from the browser, or copy its text to a .txt file.' },
  'too-large': { what: 'The file expands to more text than the app can read at once (over its memory budget).', safe: safeFile.en, todo: 'Split the report into smaller files, or save it as .txt, and add that.' },
  'too-complex': { what: 'The file is too complex to read within the time and memory allowed (it may be built to exhaust the app).', safe: safeFile.en, todo: 'Export the report again (or save it as .txt) and add that.' },
  timeout: { what: 'Reading the file took longer than allowed and was stopped.', safe: safeFile.en, todo: 'Save the report as .txt (or split it) and add that.' },
  'not-regular-file': { what: 'This is not an ordinary file (a pipe, device or socket), so it was not read.', safe: 'Nothing was read or changed.', todo: 'Choose the report file itself.' },
  'not-a-folder': { what: 'That path is a file, not a folder.', safe: 'Nothing was changed.', todo: 'Choose the folder that holds the reports.' },
  'path-invalid': { what: 'The path is not valid (it must be a full path without unusual characters).', safe: 'Nothing was read or changed.', todo: 'Choose the file or folder again with the picker, or type its full path.' },
  'file-exists': { what: 'A file with that name already exists.', safe: 'It was not replaced.', todo: 'Choose another name, or confirm that the existing file may be replaced.' },
  'export-into-store': { what: 'Datasets cannot be written inside the workspace’s own data folder (.report-annotator).', safe: 'Your annotations in the workspace are unchanged.', todo: 'Choose a place outside the .report-annotator folder.' },
  'store-corrupt': { what: 'The workspace data file is damaged.', safe: 'It was not overwritten; a backup is kept in the workspace folder.', todo: 'Restore the backup from .report-annotator, or tell your administrator.' },
  'store-locked': { what: 'This workspace is open in another window or program.', safe: safeWork.en, todo: 'Close the other window, then open the workspace again.' },
  'store-write-failed': { what: 'Your last change could not be saved to disk.', safe: 'The change is still on screen and earlier saves are intact.', todo: 'Check the disk and folder permissions, then repeat the change.' },
  'store-disk-full': { what: 'The disk is full: your last change was not saved.', safe: 'Earlier saves are intact.', todo: 'Free some disk space, then repeat the change.' },
  'store-read-only': { what: 'The workspace folder is read-only: changes cannot be saved.', safe: safeWork.en, todo: 'Open a copy of the folder in a place you can write to.' },
  'store-newer-version': { what: 'This workspace was saved by a newer version of the app.', safe: 'It was left untouched.', todo: 'Update Report Annotator, then open it again.' },
  'document-not-found': { what: 'That report is no longer in the workspace.', safe: safeWork.en, todo: 'Pick another report from the list.' },
  'finding-not-found': { what: 'That finding no longer exists (the report may have changed).', safe: safeWork.en, todo: 'Reopen the report and pick the finding again.' },
  'workspace-not-open': { what: 'No workspace is open.', safe: 'Nothing was changed.', todo: 'Open a folder or the sample workspace first.' },
  'workspace-not-found': { what: 'There is no folder at that path.', safe: 'Nothing was created; the open workspace stays open.', todo: 'Check the path, or tick “Create a new workspace here” to start one.' },
  'export-failed': { what: 'The dataset could not be written to the chosen place.', safe: 'Your annotations in the workspace are unchanged.', todo: 'Choose a folder you can write to, with free space, and export again.' },
  'bad-request': { what: 'The app sent a request the service did not accept.', safe: 'Nothing was changed.', todo: 'Try again; if it repeats, reload the window.' },
  'unknown-method': { what: 'The app and its service are different versions.', safe: 'Nothing was changed.', todo: 'Restart the app.' },
  forbidden: { what: 'The service refused the request.', safe: 'Nothing was changed.', todo: 'Open the app from the address printed when it started.' },
  unauthorized: { what: 'The page is not authorised to talk to the service.', safe: 'Nothing was changed.', todo: 'Open the full address (with ?token=…) printed by `npm run serve`.' },
  'path-not-allowed': { what: 'That path is outside the places the app may read.', safe: 'Nothing was read or changed.', todo: 'Choose a file inside the workspace or your home folder.' },
  cancelled: { what: 'The task was cancelled.', safe: 'Everything finished before the cancel is kept.', todo: 'Start it again when you are ready.' },
  internal: { what: 'An unexpected error happened in the app.', safe: 'Saved work is kept; the details are in the log.', todo: 'Try again; if it repeats, restart the app and report it.' },
  // team: the local Syncthing (teamdata; the team page words these in more detail from team.syncthing.*)
  'syncthing-not-configured': { what: 'Syncthing is not set up on this computer.', safe: 'Nothing was changed.', todo: 'Install Syncthing (Debian/Ubuntu: sudo apt-get install syncthing; macOS: brew install syncthing; Windows: the installer from syncthing.net), start it once, then try again.' },
  'syncthing-not-running': { what: 'Syncthing is installed but not running.', safe: 'Nothing was changed.', todo: 'Start Syncthing and try again.' },
  'syncthing-forbidden': { what: 'Syncthing refused the API key in its configuration.', safe: 'Nothing was changed.', todo: 'Restart Syncthing and try again.' },
  'syncthing-bad-device-id': { what: 'That is not a Syncthing device ID (or it has a typo).', safe: 'Nothing was changed.', todo: 'Copy your teammate’s whole device ID (8 groups of 7 letters and digits).' },
  'syncthing-folder-shared-elsewhere': { what: 'This folder (or one around or inside it) is already shared through Syncthing under another folder ID.', safe: 'Nothing was changed.', todo: 'Share the workspace once, under one folder ID; remove the other share in Syncthing first.' },
  'syncthing-timeout': { what: 'Syncthing did not answer in time.', safe: 'Nothing was changed.', todo: 'It may be busy: try again.' },
  'syncthing-error': { what: 'Syncthing answered with an error.', safe: 'Nothing was changed.', todo: 'Check Syncthing’s own page for details, then try again.' },
};

const zhSafeFile = safeFile.zh;
const zhSafeWork = safeWork.zh;

const zh: Table = {
  'file-unreadable': { what: '无法读取该文件。', safe: zhSafeFile, todo: '请确认文件未被其他程序占用且有读取权限，然后重新添加。' },
  'file-not-found': { what: '文件已不在原来的位置。', safe: zhSafeWork, todo: '请检查路径，或从新位置重新添加。' },
  'file-empty': { what: '文件是空的。', safe: zhSafeFile, todo: '请选择包含报告正文的文件。' },
  'file-too-large': { what: '文件太大，无法导入。', safe: zhSafeFile, todo: '请把报告拆分成较小的文件后再添加。' },
  'binary-file': { what: '该文件不是文本文件。', safe: zhSafeFile, todo: '请将报告另存为 .txt、.docx、.html 或 .pdf 后添加。' },
  'unknown-encoding': { what: '无法识别文件的文字编码。', safe: zhSafeFile, todo: '请另存为 UTF-8（或 GB18030）编码后重新添加。' },
  'unsupported-format': { what: '不支持这种文件格式。', safe: zhSafeFile, todo: '请使用 .txt、.md、.docx、.html 或 .pdf。' },
  'corrupt-docx': { what: 'Word 文件已损坏，无法打开。', safe: zhSafeFile, todo: '请在 Word 中打开并另存一份，再添加副本。' },
  'corrupt-pdf': { what: 'PDF 文件已损坏，无法打开。', safe: zhSafeFile, todo: '请重新导出 PDF，或将报告另存为文本。' },
  'pdf-encrypted': { what: '该 PDF 设有密码保护。', safe: zhSafeFile, todo: '请解除保护（或导出为文本）后重新添加。' },
  'pdf-no-text': { what: '该 PDF 没有文字层（是扫描件）。', safe: zhSafeFile, todo: '请先进行文字识别（OCR），或添加报告的文本版本。' },
  'corrupt-html': { what: '无法按 HTML 读取该网页文件。', safe: zhSafeFile, todo: '请在浏览器中重新保存网页，或把正文复制到 .txt 文件。' },
  'too-large': { what: '文件展开后的内容超出程序一次能读取的范围（超出内存预算）。', safe: zhSafeFile, todo: '请把报告拆分成较小的文件，或另存为 .txt 后再添加。' },
  'too-complex': { what: '文件过于复杂，无法在允许的时间和内存内读取（可能是被刻意构造的文件）。', safe: zhSafeFile, todo: '请重新导出报告（或另存为 .txt）后再添加。' },
  timeout: { what: '读取文件超过了允许的时间，已被停止。', safe: zhSafeFile, todo: '请将报告另存为 .txt（或拆分）后再添加。' },
  'not-regular-file': { what: '这不是普通文件（而是管道、设备或套接字），没有读取。', safe: '没有读取或改动任何内容。', todo: '请选择报告文件本身。' },
  'not-a-folder': { what: '该路径是文件，不是文件夹。', safe: '没有任何改动。', todo: '请选择存放报告的文件夹。' },
  'path-invalid': { what: '路径无效（须为完整路径且不含特殊字符）。', safe: '没有读取或改动任何内容。', todo: '请用选择框重新选择文件或文件夹，或输入完整路径。' },
  'file-exists': { what: '已有同名文件。', safe: '该文件没有被替换。', todo: '请换一个文件名，或确认可以替换已有文件。' },
  'export-into-store': { what: '数据集不能写入工作区自身的数据文件夹（.report-annotator）。', safe: '工作区中的标注没有变化。', todo: '请选择 .report-annotator 文件夹以外的位置。' },
  'store-corrupt': { what: '工作区数据文件已损坏。', safe: '该文件没有被覆盖，工作区文件夹中保留了备份。', todo: '请从 .report-annotator 中恢复备份，或联系管理员。' },
  'store-locked': { what: '此工作区已在另一个窗口或程序中打开。', safe: zhSafeWork, todo: '请关闭另一个窗口后重新打开工作区。' },
  'store-write-failed': { what: '最近一次修改未能写入磁盘。', safe: '修改仍显示在屏幕上，之前保存的内容完好。', todo: '请检查磁盘和文件夹权限，然后重做该修改。' },
  'store-disk-full': { what: '磁盘已满，最近一次修改未保存。', safe: '之前保存的内容完好。', todo: '请清理磁盘空间后重做该修改。' },
  'store-read-only': { what: '工作区文件夹是只读的，无法保存修改。', safe: zhSafeWork, todo: '请把文件夹复制到可写的位置再打开。' },
  'store-newer-version': { what: '此工作区由更新版本的程序保存。', safe: '工作区未被改动。', todo: '请升级“报告标注”后再打开。' },
  'document-not-found': { what: '该报告已不在工作区中。', safe: zhSafeWork, todo: '请从列表中选择其他报告。' },
  'finding-not-found': { what: '该标注已不存在（报告可能已变化）。', safe: zhSafeWork, todo: '请重新打开报告后再选择该标注。' },
  'workspace-not-open': { what: '尚未打开工作区。', safe: '没有任何改动。', todo: '请先打开文件夹或示例工作区。' },
  'workspace-not-found': { what: '该路径下没有文件夹。', safe: '没有新建任何内容，当前工作区保持打开。', todo: '请检查路径；如要新建，请勾选“在此新建工作区”。' },
  'export-failed': { what: '数据集无法写入所选位置。', safe: '工作区中的标注没有变化。', todo: '请选择一个可写入且空间充足的文件夹，然后重新导出。' },
  'bad-request': { what: '服务拒绝了程序发出的请求。', safe: '没有任何改动。', todo: '请重试；如仍出现，请刷新窗口。' },
  'unknown-method': { what: '程序与后台服务版本不一致。', safe: '没有任何改动。', todo: '请重新启动程序。' },
  forbidden: { what: '后台服务拒绝了该请求。', safe: '没有任何改动。', todo: '请使用程序启动时显示的地址打开。' },
  unauthorized: { what: '此页面未获授权访问后台服务。', safe: '没有任何改动。', todo: '请打开 `npm run serve` 显示的完整地址（含 ?token=…）。' },
  'path-not-allowed': { what: '该路径不在程序允许读取的范围内。', safe: '没有读取或改动任何内容。', todo: '请选择工作区或个人文件夹中的文件。' },
  cancelled: { what: '任务已取消。', safe: '取消前完成的部分已保留。', todo: '需要时请重新开始。' },
  internal: { what: '程序发生了意外错误。', safe: '已保存的工作不受影响，详情已写入日志。', todo: '请重试；如仍出现，请重启程序并报告问题。' },
  // team: 本机 Syncthing（teamdata）
  'syncthing-not-configured': { what: '本机尚未配置 Syncthing。', safe: '没有任何改动。', todo: '请先安装 Syncthing（Debian/Ubuntu：sudo apt-get install syncthing；macOS：brew install syncthing；Windows：从 syncthing.net 下载安装程序），启动一次后再试。' },
  'syncthing-not-running': { what: 'Syncthing 已安装但未运行。', safe: '没有任何改动。', todo: '请启动 Syncthing 后再试。' },
  'syncthing-forbidden': { what: 'Syncthing 拒绝了其配置中的 API 密钥。', safe: '没有任何改动。', todo: '请重启 Syncthing 后再试。' },
  'syncthing-bad-device-id': { what: '这不是 Syncthing 设备 ID（或有输入错误）。', safe: '没有任何改动。', todo: '请完整复制同事的设备 ID（8 组，每组 7 个字母或数字）。' },
  'syncthing-folder-shared-elsewhere': { what: '此文件夹（或其上级、下级文件夹）已通过 Syncthing 以另一个文件夹 ID 共享。', safe: '没有任何改动。', todo: '一个工作区只共享一次、使用同一个文件夹 ID；请先在 Syncthing 中移除另一个共享。' },
  'syncthing-timeout': { what: 'Syncthing 没有及时应答。', safe: '没有任何改动。', todo: '它可能正忙，请再试一次。' },
  'syncthing-error': { what: 'Syncthing 返回了错误。', safe: '没有任何改动。', todo: '请在 Syncthing 自己的页面查看详情后再试。' },
};

export const errorTexts: Record<Lang, Table> = { en, zh };
