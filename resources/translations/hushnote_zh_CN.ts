<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>A journal for notes and contact lists that keeps everything in an encrypted vault on this computer and never connects to the network. Free software under the GNU GPL, version 3 or later.</source>
        <translation>用于记录笔记和联系人名单的日志应用，所有内容都保存在这台电脑上的加密保险库中，从不连接网络。本软件是自由软件，依据 GNU GPL 第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <source>A notebook for your journal, notes and contacts.</source>
        <translation>记录日志、笔记和联系人的笔记本。</translation>
    </message>
</context>
<context>
    <name>AppImportDialog</name>
    <message>
        <source>Import from another app</source>
        <translation>从其他应用导入</translation>
    </message>
    <message>
        <source>Which app does the export come from?</source>
        <translation>导出文件来自哪个应用？</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>尚未选择任何内容。</translation>
    </message>
    <message>
        <source>Chosen files</source>
        <translation>已选择的文件</translation>
    </message>
    <message>
        <source>&amp;Keep location data</source>
        <translation>保留位置数据(&amp;K)</translation>
    </message>
    <message>
        <source>Off: where a note was written (coordinates, place names) is left out. On: it is added as a last line of the note, and anyone who opens the vault can read it.</source>
        <translation>关闭：不导入笔记的写作地点（坐标、地名）。开启：地点会作为笔记的最后一行加入，任何打开保险库的人都能看到。</translation>
    </message>
    <message>
        <source>Keep location data</source>
        <translation>保留位置数据</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>读取(&amp;R)</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose the export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <source>Choose the export&apos;s folder</source>
        <translation>选择导出文件夹</translation>
    </message>
</context>
<context>
    <name>AppImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged. New tags: %4. New notebooks: %5.</source>
        <translation>笔记：新增 %1，更新 %2，不变 %3。新标签：%4。新笔记本：%5。</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>导入将做什么</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>(default notebook)</source>
        <translation>（默认笔记本）</translation>
    </message>
    <message>
        <source>Notes per notebook</source>
        <translation>各笔记本的笔记</translation>
    </message>
    <message>
        <source>Left &amp;out:</source>
        <translation>未导入(&amp;O)：</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>This export is already in the vault: nothing would change.</source>
        <translation>此导出内容已在保险库中：导入不会带来任何变化。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>AttachmentOpening</name>
    <message>
        <source>Open in another program</source>
        <translation>用其他程序打开</translation>
    </message>
    <message>
        <source>This file cannot be shown here. Open it in another program?</source>
        <translation>此文件无法在这里显示。要用其他程序打开吗？</translation>
    </message>
    <message>
        <source>A decrypted copy is placed in a private folder in memory, and erased when the vault locks. But the other program may keep its own copies, recent-file lists, thumbnails or autosaves on the disk, outside the vault, where locking or wiping the vault cannot erase them.</source>
        <translation>系统会在内存中的私有文件夹里放一份解密后的副本，并在保险库锁定时将其清除。但其他程序可能会在磁盘上、保险库之外保留它自己的副本、最近文件列表、缩略图或自动保存文件，锁定或销毁保险库都无法抹去这些内容。</translation>
    </message>
    <message>
        <source>This file could run a program or load things from the internet when opened, so it is not opened from here. Export a copy only if you know what it is.</source>
        <translation>此文件在打开时可能会运行程序或从互联网加载内容，因此不会从这里打开。只有在你清楚它是什么时才导出副本。</translation>
    </message>
    <message>
        <source>No program on this computer opens this kind of file.</source>
        <translation>这台电脑上没有能打开此类文件的程序。</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Attach &amp;file…</source>
        <translation>附加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Encrypt a file into the vault with this note; identifying metadata is removed (Ctrl+Shift+A). You can also drop files here or paste an image.</source>
        <translation>把文件加密存入保险库，附在这篇笔记上；可识别身份的元数据会被移除（Ctrl+Shift+A）。也可以把文件拖放到这里，或粘贴图片。</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>附加文件（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>More ways to attach</source>
        <translation>更多附加方式</translation>
    </message>
    <message>
        <source>Attach a photo with faces blurred, or a file with its metadata kept.</source>
        <translation>附加一张人脸已模糊的照片，或附加一个保留元数据的文件。</translation>
    </message>
    <message>
        <source>Attach photo with faces &amp;blurred…</source>
        <translation>附加人脸已模糊的照片(&amp;B)…</translation>
    </message>
    <message>
        <source>Attach with &amp;metadata kept…</source>
        <translation>附加并保留元数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Enter opens; Delete removes for good; the Menu key offers export.</source>
        <translation>Enter 打开；Delete 永久删除；菜单键提供导出。</translation>
    </message>
    <message>
        <source>What the attach removed</source>
        <translation>附加时移除了什么</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>Attach with metadata kept</source>
        <translation>附加并保留元数据</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>“%1” was removed for good.</source>
        <translation>“%1”已被永久删除。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export a copy…</source>
        <translation>导出副本(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove for good…</source>
        <translation>永久删除(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>The page shown; type a number to go there.</source>
        <translation>当前显示的页面；输入页码即可跳转。</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show it smaller (Ctrl+Minus).</source>
        <translation>缩小显示（Ctrl+减号）。</translation>
    </message>
    <message>
        <source>Show it larger (Ctrl+Plus).</source>
        <translation>放大显示（Ctrl+加号）。</translation>
    </message>
    <message>
        <source>Show the whole page or image in the window (Ctrl+0).</source>
        <translation>在窗口中显示整个页面或整张图片（Ctrl+0）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the attachment (Escape).</source>
        <translation>关闭附件（Esc）。</translation>
    </message>
    <message>
        <source>Some characters are not UTF-8 and show as �.</source>
        <translation>部分字符不是 UTF-8 编码，显示为 �。</translation>
    </message>
    <message>
        <source>This text is long: only its first 4 MB are shown.</source>
        <translation>此文本较长：仅显示前 4 MB。</translation>
    </message>
    <message>
        <source>Attachment text</source>
        <translation>附件文本</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown here.</source>
        <translation>此类文件无法在这里显示。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password, so it cannot be shown here.</source>
        <translation>此 PDF 受密码保护，无法在这里显示。</translation>
    </message>
    <message>
        <source>This PDF cannot be read: it is damaged or not a PDF.</source>
        <translation>无法读取此 PDF：文件已损坏或不是 PDF 文件。</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>共 {count} 页</translation>
    </message>
    <message>
        <source>This image cannot be read: it is damaged or of an unknown kind.</source>
        <translation>无法读取此图片：文件已损坏或格式未知。</translation>
    </message>
    <message>
        <source>This image is too large to show here ({width} by {height} pixels).</source>
        <translation>此图片太大，无法在这里显示（{width} × {height} 像素）。</translation>
    </message>
    <message>
        <source>This page cannot be drawn: the PDF is damaged.</source>
        <translation>无法显示此页：PDF 文件已损坏。</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>BackupPassphraseDialog</name>
    <message>
        <source>Backup passphrase</source>
        <translation>备份密码短语</translation>
    </message>
    <message>
        <source>This backup is encrypted. Enter the passphrase it was encrypted with (your Standard Notes account password, or the one you chose for it).</source>
        <translation>此备份已加密。请输入加密时使用的密码短语（您的 Standard Notes 账户密码，或您为它设置的密码）。</translation>
    </message>
    <message>
        <source>Why the passphrase is asked again</source>
        <translation>为什么再次要求输入密码短语</translation>
    </message>
    <message>
        <source>Enter the backup&apos;s passphrase, or press Cancel.</source>
        <translation>请输入备份的密码短语，或按“取消”。</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup. Try again.</source>
        <translation>这个密码短语无法打开此备份。请重试。</translation>
    </message>
</context>
<context>
    <name>BlurReviewDialog</name>
    <message>
        <source>Blur faces</source>
        <translation>模糊人脸</translation>
    </message>
    <message>
        <source>Photo with face boxes</source>
        <translation>标出人脸框的照片</translation>
    </message>
    <message>
        <source>Tab walks the boxes; Delete removes one; Insert adds one; arrows move it and Shift+arrows resize it. Drag with the mouse to draw a box.</source>
        <translation>Tab 逐个选择框；Delete 删除一个框；Insert 添加一个框；方向键移动框，Shift+方向键调整大小。用鼠标拖动可以画出一个框。</translation>
    </message>
    <message>
        <source>Blurring cannot be undone: only the blurred photo is stored, never the original. Check every face is covered, in the background and in reflections too.</source>
        <translation>模糊处理无法撤销：只保存模糊后的照片，绝不保存原图。请检查每张脸都已被遮盖，包括背景中和倒影里的脸。</translation>
    </message>
    <message>
        <source>&amp;Add box</source>
        <translation>添加框(&amp;A)</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>添加框</translation>
    </message>
    <message>
        <source>Put a new box in the middle of the photo; move it with the arrow keys.</source>
        <translation>在照片中央放一个新框；用方向键移动它。</translation>
    </message>
    <message>
        <source>&amp;Remove box</source>
        <translation>删除框(&amp;R)</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>删除框</translation>
    </message>
    <message>
        <source>Remove the selected box: that part stays sharp.</source>
        <translation>删除选中的框：那部分将保持清晰。</translation>
    </message>
    <message>
        <source>&amp;Blur and attach</source>
        <translation>模糊并附加(&amp;B)</translation>
    </message>
    <message>
        <source>Blur and attach</source>
        <translation>模糊并附加</translation>
    </message>
    <message>
        <source>Blur every box for good and attach only the blurred photo.</source>
        <translation>永久模糊每个框，只附加模糊后的照片。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without attaching anything.</source>
        <translation>关闭，不附加任何内容。</translation>
    </message>
    <message>
        <source>Faces cannot be found automatically: the face finder is not installed. Mark each face by hand.</source>
        <translation>无法自动查找人脸：未安装人脸查找组件。请手动标出每张脸。</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>正在查找人脸…</translation>
    </message>
    <message>
        <source>The search for faces was stopped. Mark faces by hand.</source>
        <translation>已停止查找人脸。请手动标出人脸。</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found. Remove wrong boxes, and add any face that was missed.</source>
        <translation>
            <numerusform>找到 %n 张人脸。请删除错误的框，并补上漏掉的人脸。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) will be blurred.</source>
        <translation>
            <numerusform>将模糊 %n 个框。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach photo with faces blurred</source>
        <translation>附加人脸已模糊的照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Photo too large</source>
        <translation>照片太大</translation>
    </message>
    <message>
        <source>Photos of up to 256 MiB can be blurred.</source>
        <translation>最大 256 MiB 的照片可以进行模糊处理。</translation>
    </message>
    <message>
        <source>Not a photo</source>
        <translation>不是照片</translation>
    </message>
    <message>
        <source>Choose a JPEG, PNG or WebP photo.</source>
        <translation>请选择 JPEG、PNG 或 WebP 照片。</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>正在打开照片…</translation>
    </message>
    <message>
        <source>That photo cannot be read: it may be damaged.</source>
        <translation>无法读取这张照片：它可能已损坏。</translation>
    </message>
    <message>
        <source>Cannot blur it</source>
        <translation>无法模糊</translation>
    </message>
</context>
<context>
    <name>BundlePassphraseDialog</name>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包密码短语</translation>
    </message>
    <message>
        <source>The passphrase the sender chose for this bundle.</source>
        <translation>发送方为此加密包设置的密码短语。</translation>
    </message>
    <message>
        <source>Why the passphrase is asked again</source>
        <translation>为什么再次要求输入密码短语</translation>
    </message>
    <message>
        <source>Enter the bundle&apos;s passphrase, or press Cancel.</source>
        <translation>请输入加密包的密码短语，或按“取消”。</translation>
    </message>
    <message>
        <source>That passphrase does not open this bundle. Check it and try again. If you are sure it is right, the file may have been changed or cut short.</source>
        <translation>这个密码短语无法打开此加密包。请检查后重试。如果确定无误，文件可能已被改动或不完整。</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前密码短语</translation>
    </message>
    <message>
        <source>The passphrase that opens the vault now.</source>
        <translation>目前用于打开保险库的密码短语。</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>The passphrase to use from now on.</source>
        <translation>今后使用的密码短语。</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message>
        <source>Type the new passphrase again.</source>
        <translation>请再输入一遍新密码短语。</translation>
    </message>
    <message>
        <source>C&amp;urrent:</source>
        <translation>当前密码短语(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New:</source>
        <translation>新密码短语(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter a new passphrase.</source>
        <translation>请输入新密码短语。</translation>
    </message>
    <message>
        <source>The two new passphrases do not match.</source>
        <translation>两次输入的新密码短语不一致。</translation>
    </message>
    <message>
        <source>Measuring how fast this computer guesses…</source>
        <translation>正在测量这台电脑的猜测速度…</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Wire</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone, email or messenger.</source>
        <translation>电话、电子邮件或即时通讯工具。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The name you know this person by.</source>
        <translation>您平时称呼此人的名字。</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Group, employer or collective.</source>
        <translation>团体、雇主或集体。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>For example medic, driver or lawyer.</source>
        <translation>例如急救员、司机或律师。</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas.</source>
        <translation>标签，用英文逗号（,）分隔。</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，用英文逗号分隔</translation>
    </message>
    <message>
        <source>Age public key</source>
        <translation>Age 公钥</translation>
    </message>
    <message>
        <source>Their bundle key (age1…), from My bundle key in their Hushnote. Lets you send bundles to this person.</source>
        <translation>对方的加密包密钥（age1…），来自其 Hushnote 中的“我的加密包密钥”。有了它，您就能给这个人发送加密包。</translation>
    </message>
    <message>
        <source>age1… (optional: to send them bundles)</source>
        <translation>age1…（可选：用于给对方发送加密包）</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Read it to them over the phone: their My bundle key shows the same digits.</source>
        <translation>在电话里念给对方听：他们的“我的加密包密钥”会显示同样的数字。</translation>
    </message>
    <message>
        <source>Notes about this person</source>
        <translation>关于此人的备注</translation>
    </message>
    <message>
        <source>Free text, kept encrypted like everything else.</source>
        <translation>任意文字，与其他内容一样加密保存。</translation>
    </message>
    <message>
        <source>Phones, emails and handles</source>
        <translation>电话、电子邮件和账号</translation>
    </message>
    <message>
        <source>One row each: kind, label and value. F2 edits a cell.</source>
        <translation>每行一项：类型、说明和内容。按 F2 编辑单元格。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Number, address or handle</source>
        <translation>号码、地址或账号</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a phone, email or handle</source>
        <translation>添加电话、电子邮件或账号</translation>
    </message>
    <message>
        <source>Adds an empty row to the table.</source>
        <translation>在表格中添加一个空行。</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected phone, email or handle</source>
        <translation>移除所选的电话、电子邮件或账号</translation>
    </message>
    <message>
        <source>Deletes the selected row when the contact is saved.</source>
        <translation>保存联系人时删除所选行。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected value</source>
        <translation>复制所选内容</translation>
    </message>
    <message>
        <source>The clipboard is cleared again after a short time.</source>
        <translation>剪贴板会在片刻后自动清空。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save this contact (Ctrl+S).</source>
        <translation>保存此联系人（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Linked notes</source>
        <translation>关联笔记</translation>
    </message>
    <message>
        <source>Notes that mention this person; Enter opens.</source>
        <translation>提及此人的笔记；按 Enter 打开。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>组织(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Age &amp;key:</source>
        <translation>Age 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Linked notes:</source>
        <translation>关联笔记：</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Lists: </source>
        <translation>名单：</translation>
    </message>
    <message>
        <source>No key: bundles to this person need a passphrase.</source>
        <translation>没有密钥：给这个人的加密包需要用密码短语。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>Copied; the clipboard clears itself soon.</source>
        <translation>已复制；剪贴板稍后会自动清空。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Find a contact</source>
        <translation>查找联系人</translation>
    </message>
    <message>
        <source>Narrows the list below as you type.</source>
        <translation>输入时会筛选下方的列表。</translation>
    </message>
    <message>
        <source>Type part of a name, number or handle</source>
        <translation>输入姓名、号码或账号的一部分</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Choose one; Enter confirms.</source>
        <translation>选择一项；按 Enter 确认。</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Creating the vault</source>
        <translation>正在创建保险库</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>正在准备</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>创建您的保险库</translation>
    </message>
    <message>
        <source>Set up {app}</source>
        <translation>设置 {app}</translation>
    </message>
    <message>
        <source>Your passphrase encrypts everything {app} keeps on this computer. Nobody can recover it: if you forget it, your notes are gone.</source>
        <translation>您的密码短语会加密 {app} 在这台电脑上保存的所有内容。任何人都无法找回它：一旦忘记，您的笔记将再也无法打开。</translation>
    </message>
    <message>
        <source>Choose a password for {app}. Nobody can recover it: if you forget it, your notes are gone.</source>
        <translation>请为 {app} 设置一个密码。任何人都无法找回它：一旦忘记，您的笔记将再也无法打开。</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Choose a long passphrase; the meter below rates it.</source>
        <translation>请选择较长的密码短语；下方的强度条会给出评分。</translation>
    </message>
    <message>
        <source>Choose a long password; the meter below rates it.</source>
        <translation>请选择较长的密码；下方的强度条会给出评分。</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次输入密码短语</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Type the same passphrase again.</source>
        <translation>请再输入一遍相同的密码短语。</translation>
    </message>
    <message>
        <source>Type the same password again.</source>
        <translation>请再输入一遍相同的密码。</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>推荐密码短语(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Suggest a password</source>
        <translation>推荐密码(&amp;S)</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>推荐密码短语</translation>
    </message>
    <message>
        <source>Suggest a password</source>
        <translation>推荐密码</translation>
    </message>
    <message>
        <source>Fill both fields with a random passphrase from the chosen list, and show it.</source>
        <translation>用所选列表中的随机密码短语填入两个字段，并显示出来。</translation>
    </message>
    <message>
        <source>Fill both fields with a random password from the chosen list, and show it.</source>
        <translation>用所选列表中的随机密码填入两个字段，并显示出来。</translation>
    </message>
    <message>
        <source>English words</source>
        <translation>英文单词</translation>
    </message>
    <message>
        <source>Chinese characters (simplified)</source>
        <translation>汉字（简体）</translation>
    </message>
    <message>
        <source>Chinese characters (traditional)</source>
        <translation>汉字（繁体）</translation>
    </message>
    <message>
        <source>Suggest from</source>
        <translation>推荐来源</translation>
    </message>
    <message>
        <source>Six English words or seven Chinese characters: at least 77 bits either way.</source>
        <translation>六个英文单词或七个汉字：两者都至少有 77 位熵。</translation>
    </message>
    <message>
        <source>Suggested password</source>
        <translation>推荐的密码</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Set the password and start; this takes a few seconds.</source>
        <translation>设置密码并开始；需要几秒钟。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Suggest &amp;from:</source>
        <translation>推荐来源(&amp;F)：</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 位</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Type it with an input method that keeps no history and does not look words up online, or choose English words.</source>
        <translation>请用不保留输入记录、也不联网查词的输入法输入它，或者改选英文单词。</translation>
    </message>
    <message>
        <source>Measuring how fast this computer guesses…</source>
        <translation>正在测量这台电脑的猜测速度…</translation>
    </message>
    <message>
        <source>Suggested passphrase</source>
        <translation>推荐的密码短语</translation>
    </message>
    <message>
        <source>Strength of the suggestion</source>
        <translation>推荐的强度</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>创建保险库(&amp;C)</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <source>Create the encrypted vault; this takes a few seconds.</source>
        <translation>创建加密保险库；需要几秒钟。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>Learn it by heart. Until you are sure of it, keep a written copy away from this computer, never in the same bag, and tear it up once learned. If you forget it, your notes are gone: nobody can recover them.</source>
        <translation>请把它背下来。在确定记牢之前，可以把抄写的副本放在远离这台电脑的地方，绝不要和电脑放在同一个包里；记住后就把它撕掉。如果忘记了，你的笔记就没了：没有人能恢复。</translation>
    </message>
    <message>
        <source>Measuring this computer and creating the vault…</source>
        <translation>正在测试这台电脑的性能并创建保险库…</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <source>Duress passphrase</source>
        <translation>胁迫密码短语</translation>
    </message>
    <message>
        <source>If someone forces you to unlock, type the duress passphrase instead. {app} will look as if it unlocked, show only the harmless notes below, and destroy everything else. Nothing on this computer shows that a duress passphrase is set. Setting one replaces any earlier one.</source>
        <translation>如果有人强迫您解锁，请改为输入胁迫密码短语。{app} 看起来会像已正常解锁，只显示下方无害的笔记，并销毁其余所有内容。这台电脑上不会有任何迹象表明设置了胁迫密码短语。设置新的胁迫密码短语会替换之前的设置。</translation>
    </message>
    <message>
        <source>Before you set one:</source>
        <translation>设置之前请注意：</translation>
    </message>
    <message>
        <source>Your real passphrase</source>
        <translation>你真实的密码短语</translation>
    </message>
    <message>
        <source>The passphrase that opens this vault now, to confirm it is you.</source>
        <translation>目前用来打开此保险库的密码短语，用于确认是你本人。</translation>
    </message>
    <message>
        <source>Typed at the unlock screen, it destroys the vault and opens the decoy.</source>
        <translation>在解锁界面输入它，会销毁保险库并打开诱饵保险库。</translation>
    </message>
    <message>
        <source>Repeat the duress passphrase</source>
        <translation>再次输入胁迫密码短语</translation>
    </message>
    <message>
        <source>Type the duress passphrase again.</source>
        <translation>请再输入一遍胁迫密码短语。</translation>
    </message>
    <message>
        <source>Decoy notes</source>
        <translation>诱饵笔记</translation>
    </message>
    <message>
        <source>Harmless notes the decoy vault shows; separate notes with a line of ---.</source>
        <translation>诱饵保险库中显示的无害笔记；笔记之间用单独一行 --- 分隔。</translation>
    </message>
    <message>
        <source>Shopping list
milk, bread
---
Book club
Chapter 4 on Thursday</source>
        <translation>购物清单
牛奶、面包
---
读书会
周四读第 4 章</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Set duress passphrase</source>
        <translation>设置胁迫密码短语(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove any duress passphrase</source>
        <translation>移除已有的胁迫密码短语(&amp;R)</translation>
    </message>
    <message>
        <source>Set duress passphrase</source>
        <translation>设置胁迫密码短语</translation>
    </message>
    <message>
        <source>Save this duress passphrase and these decoy notes.</source>
        <translation>保存此胁迫密码短语和这些诱饵笔记。</translation>
    </message>
    <message>
        <source>Remove any duress passphrase</source>
        <translation>移除已有的胁迫密码短语</translation>
    </message>
    <message>
        <source>After this, only the real passphrase opens the vault.</source>
        <translation>此后，只有真实的密码短语才能打开保险库。</translation>
    </message>
    <message>
        <source>Your real &amp;passphrase:</source>
        <translation>你真实的密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>胁迫密码短语(&amp;D)：</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>再次输入(&amp;E)：</translation>
    </message>
    <message>
        <source>Decoy &amp;notes:</source>
        <translation>诱饵笔记(&amp;N)：</translation>
    </message>
    <message>
        <source>Never try it on this vault: typing it at the unlock screen destroys your real notes. Rehearse on a test vault.</source>
        <translation>切勿在此保险库上试用：在解锁界面输入它会销毁你真实的笔记。请在测试保险库上演练。</translation>
    </message>
    <message>
        <source>It cannot reach a copy: if this disk was copied before, the copy still opens with your real passphrase.</source>
        <translation>它无法触及副本：如果这块磁盘之前已被复制，副本仍可用你真实的密码短语打开。</translation>
    </message>
    <message>
        <source>Using it may be illegal where you are: it can count as lying to the authorities or destroying evidence. Find out before you rely on it.</source>
        <translation>在你所在的地方，使用它可能违法：可能被视为欺骗执法人员或销毁证据。依赖它之前请先了解清楚。</translation>
    </message>
    <message>
        <source>%1% of the room for decoy notes used</source>
        <translation>诱饵笔记的可用空间已使用 %1%</translation>
    </message>
    <message>
        <source>Enter your real passphrase first.</source>
        <translation>请先输入你真实的密码短语。</translation>
    </message>
    <message>
        <source>Enter a duress passphrase.</source>
        <translation>请输入胁迫密码短语。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>The decoy notes are too long; shorten them.</source>
        <translation>诱饵笔记太长，请缩短。</translation>
    </message>
    <message>
        <source>That is not this vault&apos;s real passphrase, so nothing was changed. Type your real passphrase again.</source>
        <translation>这不是此保险库真实的密码短语，因此没有做任何更改。请重新输入你真实的密码短语。</translation>
    </message>
</context>
<context>
    <name>EndTravelDialog</name>
    <message>
        <source>End travel</source>
        <translation>结束出行</translation>
    </message>
    <message>
        <source>Choose the bundle you brought back. Everything in it comes back into this vault and is merged: nothing here or in the bundle is lost.</source>
        <translation>请选择您带回的加密包。其中的一切都会回到这个保险库并合并：这里和加密包中的内容都不会丢失。</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>加密包文件</translation>
    </message>
    <message>
        <source>The travel bundle to bring back.</source>
        <translation>要带回的出行加密包。</translation>
    </message>
    <message>
        <source>&amp;Bundle:</source>
        <translation>加密包(&amp;B)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the bundle</source>
        <translation>选择加密包</translation>
    </message>
    <message>
        <source>Opens a file dialog that remembers no folders.</source>
        <translation>打开一个不记录任何文件夹的文件对话框。</translation>
    </message>
    <message>
        <source>What this file is</source>
        <translation>这是什么文件</translation>
    </message>
    <message>
        <source>Travel key</source>
        <translation>出行密钥</translation>
    </message>
    <message>
        <source>The words you wrote down when travel started; hidden as you type.</source>
        <translation>开始出行时您抄下的单词；输入时会隐藏。</translation>
    </message>
    <message>
        <source>Travel &amp;key:</source>
        <translation>出行密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Why travel has not ended</source>
        <translation>出行为何尚未结束</translation>
    </message>
    <message>
        <source>&amp;End travel</source>
        <translation>结束出行(&amp;E)</translation>
    </message>
    <message>
        <source>Open the bundle, check it, and merge it back into this vault.</source>
        <translation>打开加密包，检查它，并把它合并回这个保险库。</translation>
    </message>
    <message>
        <source>Choose the travel bundle</source>
        <translation>选择出行加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This bundle was encrypted again to this vault&apos;s own key: it opens without the travel key.</source>
        <translation>这个加密包已重新加密到本保险库自己的密钥：无需出行密钥即可打开。</translation>
    </message>
    <message>
        <source>This bundle opens with its travel key. Type the words below.</source>
        <translation>这个加密包需要用出行密钥打开。请在下面输入那些单词。</translation>
    </message>
    <message>
        <source>This bundle does not open with this vault&apos;s key. If it is a large travel bundle, put its key file %1 back in the same folder. Otherwise it was encrypted to someone else&apos;s key.</source>
        <translation>此加密包无法用这个保险库的密钥打开。如果它是一个大型出行加密包，请把它的密钥文件 %1 放回同一个文件夹。否则，它是用别人的密钥加密的。</translation>
    </message>
    <message>
        <source>Choose the bundle you brought back.</source>
        <translation>请选择您带回的加密包。</translation>
    </message>
    <message>
        <source>Type the travel key&apos;s words, or press Cancel.</source>
        <translation>请输入出行密钥的单词，或按“取消”。</translation>
    </message>
    <message>
        <source>Those words do not open this bundle. Check each word against your copy and try again. If they are right, the file may have been changed or cut short.</source>
        <translation>这些单词打不开这个加密包。请对照您抄下的内容逐个检查后重试。如果单词无误，文件可能被改动过或不完整。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>导出加密包</translation>
    </message>
    <message>
        <source>Colleagues&apos; public keys, one per line</source>
        <translation>同事的公钥，每行一个</translation>
    </message>
    <message>
        <source>Each starts with age1; a colleague gets theirs from Bundles, My bundle key.</source>
        <translation>每个公钥都以 age1 开头；同事可以在“加密包 ▸ 我的加密包密钥”中找到自己的公钥。</translation>
    </message>
    <message>
        <source>Also this vault&apos;s own key</source>
        <translation>同时使用本保险库自己的密钥</translation>
    </message>
    <message>
        <source>Lets this same vault open it again; a new vault cannot.</source>
        <translation>让本保险库日后也能打开此加密包；新建的保险库无法打开。</translation>
    </message>
    <message>
        <source>With a &amp;passphrase</source>
        <translation>用密码短语加密(&amp;P)</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>The whole vault or a part.</source>
        <translation>整个保险库或其中一部分。</translation>
    </message>
    <message>
        <source>The whole vault (not the trash)</source>
        <translation>整个保险库（不含回收站）</translation>
    </message>
    <message>
        <source>A notebook</source>
        <translation>一个笔记本</translation>
    </message>
    <message>
        <source>Notes with a tag</source>
        <translation>带有某个标签的笔记</translation>
    </message>
    <message>
        <source>A contact list and its contacts</source>
        <translation>一个联系人名单及其联系人</translation>
    </message>
    <message>
        <source>The selected note</source>
        <translation>选中的笔记</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>哪一个</translation>
    </message>
    <message>
        <source>The notebook, tag or list to export.</source>
        <translation>要导出的笔记本、标签或名单。</translation>
    </message>
    <message>
        <source>Also the notes&apos; earlier &amp;versions</source>
        <translation>同时包括笔记的早期版本(&amp;V)</translation>
    </message>
    <message>
        <source>Include note history</source>
        <translation>包括笔记历史记录</translation>
    </message>
    <message>
        <source>Off unless ticked: earlier versions can hold text that was edited out of the notes.</source>
        <translation>除非勾选，否则不包括：早期版本可能含有已从笔记中删掉的文字。</translation>
    </message>
    <message>
        <source>To a &amp;contact</source>
        <translation>给联系人(&amp;C)</translation>
    </message>
    <message>
        <source>To a contact</source>
        <translation>给联系人</translation>
    </message>
    <message>
        <source>Only that colleague&apos;s vault (and yours, if ticked) can open the bundle.</source>
        <translation>只有这位同事的保险库（若已勾选，还有您的）能打开这个加密包。</translation>
    </message>
    <message>
        <source>To a &amp;key</source>
        <translation>给公钥(&amp;K)</translation>
    </message>
    <message>
        <source>To a pasted key</source>
        <translation>给粘贴的公钥</translation>
    </message>
    <message>
        <source>Only the holders of the keys pasted below can open the bundle.</source>
        <translation>只有下面所粘贴密钥的持有人才能打开这个加密包。</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>用密码短语加密</translation>
    </message>
    <message>
        <source>Anyone with the passphrase can open the bundle; send it another way.</source>
        <translation>任何知道密码短语的人都能打开此加密包；请通过其他途径告知对方密码短语。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contacts that hold an age key; add one in the contact&apos;s Age key field.</source>
        <translation>保存了 age 密钥的联系人；可在联系人的 Age 密钥栏中添加。</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Ask them to read theirs from My bundle key: the digits must match.</source>
        <translation>请对方从“我的加密包密钥”中念出他们的指纹：数字必须一致。</translation>
    </message>
    <message>
        <source>No contact has an age key yet. Paste their key into the contact&apos;s Age key field, or use To a key.</source>
        <translation>还没有联系人保存了 age 密钥。请把对方的密钥粘贴到联系人的 Age 密钥栏中，或改用“给公钥”。</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>联系人(&amp;O)：</translation>
    </message>
    <message>
        <source>Before the first bundle, ask them to read their fingerprint from Bundles, My bundle key: the digits must match.</source>
        <translation>发送第一个加密包之前，请对方从“加密包 ▸ 我的加密包密钥”中念出他们的指纹：数字必须一致。</translation>
    </message>
    <message>
        <source>Key fingerprints</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Compare each with the one its owner reads from My bundle key.</source>
        <translation>逐一与密钥主人从“我的加密包密钥”中念出的指纹核对。</translation>
    </message>
    <message>
        <source>Ke&amp;ys:</source>
        <translation>密钥(&amp;Y)：</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包密码短语</translation>
    </message>
    <message>
        <source>The passphrase that will open the bundle.</source>
        <translation>用于打开此加密包的密码短语。</translation>
    </message>
    <message>
        <source>Repeat the bundle passphrase</source>
        <translation>再次输入加密包密码短语</translation>
    </message>
    <message>
        <source>Type the bundle passphrase again.</source>
        <translation>请再输入一遍加密包密码短语。</translation>
    </message>
    <message>
        <source>Passphr&amp;ase:</source>
        <translation>密码短语(&amp;A)：</translation>
    </message>
    <message>
        <source>Also &amp;this vault&apos;s own key</source>
        <translation>同时使用本保险库自己的密钥(&amp;T)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>The file name gives nothing away: only the date.</source>
        <translation>文件名不透露任何内容：只有日期。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Opens a file chooser.</source>
        <translation>打开文件选择器。</translation>
    </message>
    <message>
        <source>The bundle opens with Hushnote or with the standard age tool (age -d). Nothing unencrypted is written to disk.</source>
        <translation>此加密包可以用 Hushnote 或标准的 age 工具（age -d）打开。不会有任何未加密的内容写入磁盘。</translation>
    </message>
    <message>
        <source>Also send the person these notes &amp;link to</source>
        <translation>同时发送这些笔记关联的那个人(&amp;L)</translation>
    </message>
    <message>
        <source>Also send the %1 people these notes &amp;link to</source>
        <translation>同时发送这些笔记关联的 %1 个人(&amp;L)</translation>
    </message>
    <message>
        <source>Unticked, the bundle holds no one&apos;s name, phone or handle: only which notes link to whom, kept by a receiver who already has those contacts.</source>
        <translation>不勾选时，加密包中不含任何人的姓名、电话或账号：只记录哪些笔记关联了谁，已有这些联系人的接收方会保留这些关联。</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1（密钥 %2）</translation>
    </message>
    <message>
        <source>Choose a file to save the bundle to.</source>
        <translation>请选择保存加密包的文件。</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>该文件夹不存在。</translation>
    </message>
    <message>
        <source>A file with that name exists. Replace it?</source>
        <translation>已有同名文件。要替换它吗？</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>内容(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;hich:</source>
        <translation>哪一个(&amp;H)：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>发给：</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>保存加密包</translation>
    </message>
    <message>
        <source>Bundles (*.hnb *.age)</source>
        <translation>加密包 (*.hnb *.age)</translation>
    </message>
    <message>
        <source>Choose which one to export.</source>
        <translation>请选择要导出哪一个。</translation>
    </message>
    <message>
        <source>Select a note in the list first.</source>
        <translation>请先在列表中选中一条笔记。</translation>
    </message>
    <message>
        <source>Choose a contact that has a key, or use To a key.</source>
        <translation>请选择一位保存了密钥的联系人，或改用“给公钥”。</translation>
    </message>
    <message>
        <source>Add at least one key, or include this vault&apos;s own.</source>
        <translation>请至少添加一个密钥，或包含本保险库自己的密钥。</translation>
    </message>
    <message>
        <source>Enter a passphrase for the bundle.</source>
        <translation>请为加密包输入密码短语。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <extracomment>The widest an image is shown, in pixels: narrower than the window, so no sideways scroll.</extracomment>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The guide, to read.</source>
        <translation>用户指南，供阅读。</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>The user guide is not installed. It is docs/user-guide.md in the source.</source>
        <translation>未安装用户指南。它在源代码的 docs/user-guide.md 中。</translation>
    </message>
    <message>
        <source>Not part of the guide in the app: %1</source>
        <translation>不属于应用内的指南：%1</translation>
    </message>
    <message>
        <source>Web links are not opened from the app. The address: %1</source>
        <translation>本应用不会打开网页链接。地址：%1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Earlier versions of this note</source>
        <translation>这条笔记的早期版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>关闭历史记录</translation>
    </message>
    <message>
        <source>Back to the note&apos;s text (Escape or Ctrl+Shift+H).</source>
        <translation>回到笔记正文（Escape 或 Ctrl+Shift+H）。</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>早期版本</translation>
    </message>
    <message>
        <source>Newest first. Arrows choose a version to compare with the current text; Enter restores it.</source>
        <translation>最新的在最前。用方向键选择一个版本与当前文字比较；按 Enter 恢复该版本。</translation>
    </message>
    <message>
        <source>No earlier versions</source>
        <translation>没有早期版本</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比较结果</translation>
    </message>
    <message>
        <source>Changes since this version</source>
        <translation>此版本之后的改动</translation>
    </message>
    <message>
        <source>Read-only. Lines starting with + are in the current text only; lines starting with - were in this version only.</source>
        <translation>只读。以 + 开头的行只在当前文字中；以 - 开头的行只在此版本中。</translation>
    </message>
    <message>
        <source>Re&amp;store this version</source>
        <translation>恢复此版本(&amp;S)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Make this version the note&apos;s text; the current text is kept as a version first, so a restore can be undone.</source>
        <translation>把此版本设为笔记的正文；当前文字会先保存为一个版本，所以恢复可以撤销。</translation>
    </message>
    <message>
        <source>&amp;Delete this note&apos;s history…</source>
        <translation>删除这条笔记的历史记录(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete this note&apos;s history</source>
        <translation>删除这条笔记的历史记录</translation>
    </message>
    <message>
        <source>Erase every earlier version of this note for good; the note stays.</source>
        <translation>永久清除这条笔记的所有早期版本；笔记本身保留。</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>历史记录状态</translation>
    </message>
    <message>
        <source>Waiting for the running task to finish…</source>
        <translation>正在等待当前任务完成…</translation>
    </message>
    <message>
        <source>Note history is off: turn it on in Vault ▸ Settings.</source>
        <translation>笔记历史记录已关闭：请在“保险库 ▸ 设置”中开启。</translation>
    </message>
    <message>
        <source>No earlier versions yet. While you edit, a version is kept every few minutes, and before every restore, bundle import and shared-notebook change.</source>
        <translation>还没有早期版本。编辑时每隔几分钟会保存一个版本；每次恢复、导入加密包和共享笔记本发生改动之前也会保存。</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>Title in this version: %1</source>
        <translation>此版本的标题：%1</translation>
    </message>
    <message>
        <source>Comparing with the current text…</source>
        <translation>正在与当前文字比较…</translation>
    </message>
    <message>
        <source>The text of this version is the same as now.</source>
        <translation>此版本的正文与现在相同。</translation>
    </message>
    <message>
        <source>Since this version: %1, %2.</source>
        <translation>自此版本以来：%1，%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) added</source>
        <translation>
            <numerusform>新增 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) removed</source>
        <translation>
            <numerusform>删除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored. The text it replaced is now the newest version in the list: restore that one to undo.</source>
        <translation>已恢复。被替换的文字现在是列表中最新的版本：恢复它即可撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) deleted for good.</source>
        <translation>
            <numerusform>已永久删除 %n 个早期版本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HoldButton</name>
    <message>
        <source>Press and hold for %1 s</source>
        <extracomment>Longer than X11&apos;s gap between a repeat&apos;s release and its press (well under 50 ms), short enough that a real release still cancels at once to the eye. How long the &quot;press and hold&quot; hint stays up after an early release. A hold let go before it completed, once the release is known to be real.</extracomment>
        <translation>按住 %1 秒</translation>
    </message>
    <message>
        <source>Press and hold for %1 s to wipe</source>
        <translation>按住 %1 秒即可销毁</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>My bundle key</source>
        <translation>我的加密包密钥</translation>
    </message>
    <message>
        <source>Colleagues export bundles to this public key; only this vault can open them. It is safe to share.</source>
        <translation>同事可以用此公钥为您导出加密包，只有本保险库能打开这些加密包。可以放心分享此公钥。</translation>
    </message>
    <message>
        <source>This vault&apos;s public key</source>
        <translation>本保险库的公钥</translation>
    </message>
    <message>
        <source>Safe to share: colleagues export bundles to it.</source>
        <translation>可以放心分享：同事用它为您导出加密包。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the public key</source>
        <translation>复制公钥</translation>
    </message>
    <message>
        <source>Puts the public key on the clipboard.</source>
        <translation>将公钥复制到剪贴板。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Read it to a colleague who adds your key: their screen shows the same.</source>
        <translation>念给要添加您密钥的同事听：他们的屏幕上会显示同样的内容。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a bundle</source>
        <translation>导入加密包</translation>
    </message>
    <message>
        <source>Everything in this bundle is already in this vault, as new or newer. Importing it would change nothing.</source>
        <translation>此加密包中的全部内容都已在本保险库中，且版本相同或更新。导入它不会带来任何变化。</translation>
    </message>
    <message>
        <source>Importing it would make these changes to this vault. Nothing has been changed yet.</source>
        <translation>导入后，本保险库将发生以下变化。目前尚未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>This bundle renames %n contact(s) that have a saved key. Importing removes those keys: check with each person, then enter their key again.</source>
        <translation>
            <numerusform>此加密包会给 %n 位已保存密钥的联系人改名。导入会删除这些密钥：请与每个人核实，然后再次输入他们的密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes and contacts that would be added or updated</source>
        <translation>将新增或更新的笔记和联系人</translation>
    </message>
    <message>
        <source>Titles and names from the bundle; shown here only.</source>
        <translation>来自加密包的标题和姓名，只在这里显示。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Merge the bundle into this vault as shown.</source>
        <translation>按上面所示将加密包合并到本保险库。</translation>
    </message>
    <message>
        <source>&amp;Would be added or updated:</source>
        <translation>将新增或更新(&amp;W)：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>联系人名单</translation>
    </message>
    <message>
        <source>Links between notes and contacts</source>
        <translation>笔记与联系人之间的关联</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>What the import would change</source>
        <translation>导入将带来的变化</translation>
    </message>
    <message>
        <source>For notes, contacts, lists, links and attached files: how many are new, updated or unchanged.</source>
        <translation>笔记、联系人、名单、关联和附件中，各有多少是新增、更新或不变的。</translation>
    </message>
    <message>
        <source>New tags: %1. New notebooks: %2.</source>
        <translation>新标签：%1。新笔记本：%2。</translation>
    </message>
    <message>
        <source>New note: %1</source>
        <translation>新笔记：%1</translation>
    </message>
    <message>
        <source>Updated note: %1</source>
        <translation>更新的笔记：%1</translation>
    </message>
    <message>
        <source>New contact: %1</source>
        <translation>新联系人：%1</translation>
    </message>
    <message>
        <source>Updated contact: %1</source>
        <translation>更新的联系人：%1</translation>
    </message>
    <message>
        <source>%1 → %2: the saved key will be removed</source>
        <translation>%1 → %2：已保存的密钥将被删除</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…还有 %1 项</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite a colleague</source>
        <translation>邀请同事</translation>
    </message>
    <message>
        <source>Another key (paste it below)</source>
        <translation>其他密钥（粘贴在下方）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>A contact whose age key is saved, or another key.</source>
        <translation>已保存 age 密钥的联系人，或其他密钥。</translation>
    </message>
    <message>
        <source>Age key</source>
        <translation>age 密钥</translation>
    </message>
    <message>
        <source>The colleague&apos;s age public key.</source>
        <translation>同事的 age 公钥。</translation>
    </message>
    <message>
        <source>Name shown to members</source>
        <translation>向成员显示的名称</translation>
    </message>
    <message>
        <source>How this member is listed, on every member&apos;s screen.</source>
        <translation>此成员在每位成员屏幕上显示的名称。</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Age key:</source>
        <translation>age 密钥：</translation>
    </message>
    <message>
        <source>Name shown to members:</source>
        <translation>向成员显示的名称：</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>The contacts on this list; Enter opens one.</source>
        <translation>此名单中的联系人；按 Enter 打开。</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>添加成员(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a contact to this list</source>
        <translation>将联系人添加到此名单</translation>
    </message>
    <message>
        <source>&amp;Remove member</source>
        <translation>移除成员(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected contact from this list</source>
        <translation>从此名单中移除所选联系人</translation>
    </message>
    <message>
        <source>&amp;Copy all numbers</source>
        <translation>复制所有号码(&amp;C)</translation>
    </message>
    <message>
        <source>Copy every phone number on this list</source>
        <translation>复制此名单中的所有电话号码</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename this list</source>
        <translation>重命名此名单</translation>
    </message>
    <message>
        <source>&amp;Delete list</source>
        <translation>删除名单(&amp;D)</translation>
    </message>
    <message>
        <source>Delete this list (its contacts stay)</source>
        <translation>删除此名单（其中的联系人会保留）</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n number(s); the clipboard clears itself soon.</source>
        <translation>
            <numerusform>已复制 %n 个号码；剪贴板稍后会自动清空。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>重命名名单</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>删除名单</translation>
    </message>
    <message>
        <source>Delete this list? Its contacts stay.</source>
        <translation>要删除此名单吗？其中的联系人会保留。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hold to wipe</source>
        <translation>按住以销毁</translation>
    </message>
    <message>
        <source>Panic wipe</source>
        <translation>紧急销毁</translation>
    </message>
    <message>
        <source>Hold for one second to destroy the vault at once. Also: hold %1.</source>
        <translation>按住一秒即可立即销毁保险库。也可以按住 %1。</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>保险库(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Rotate data key…</source>
        <translation>更换数据密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase…</source>
        <translation>胁迫密码短语(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;hare a notebook…</source>
        <translation>共享笔记本(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Join a shared notebook…</source>
        <translation>加入共享笔记本(&amp;J)…</translation>
    </message>
    <message>
        <source>Shared notebook &amp;members…</source>
        <translation>共享笔记本成员(&amp;M)…</translation>
    </message>
    <message>
        <source>S&amp;ync shared notebooks now</source>
        <translation>立即同步共享笔记本(&amp;Y)</translation>
    </message>
    <message>
        <source>S&amp;tart travel…</source>
        <translation>开始出行(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;End travel…</source>
        <translation>结束出行(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import from another app…</source>
        <translation>从其他应用导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s journal entry</source>
        <translation>今天的日记(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;contact</source>
        <translation>新建联系人(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;list…</source>
        <translation>新建名单(&amp;L)…</translation>
    </message>
    <message>
        <source>Note &amp;history</source>
        <translation>笔记历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Delete contact</source>
        <translation>删除联系人(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>日记(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>T&amp;rash</source>
        <translation>回收站(&amp;R)</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>&amp;Bundles</source>
        <translation>加密包(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Export a bundle…</source>
        <translation>导出加密包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation>导入加密包(&amp;I)…</translation>
    </message>
    <message>
        <source>My bundle &amp;key…</source>
        <translation>我的加密包密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>导入联系人(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export contacts (unencrypted)…</source>
        <translation>导出联系人（未加密）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Travel notes: before a checkpoint</source>
        <translation>出行须知：过检查站之前(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>关于 %1(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>新建名单</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>名单名称：</translation>
    </message>
    <message>
        <source>Panic wipe (hold for one second)</source>
        <translation>紧急销毁（按住一秒）</translation>
    </message>
    <message>
        <source>Show or hide the Markdown preview</source>
        <translation>显示或隐藏 Markdown 预览</translation>
    </message>
    <message>
        <source>Attach a file to the note</source>
        <translation>为笔记附加文件</translation>
    </message>
    <message>
        <source>Save the contact</source>
        <translation>保存联系人</translation>
    </message>
    <message>
        <source>Move between search results</source>
        <translation>在搜索结果之间移动</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>上方向键 / 下方向键</translation>
    </message>
    <message>
        <source>Open a search result</source>
        <translation>打开搜索结果</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Open the chosen note, contact or tag</source>
        <translation>打开所选的笔记、联系人或标签</translation>
    </message>
    <message>
        <source>Enter / Space</source>
        <translation>Enter / 空格</translation>
    </message>
    <message>
        <source>Export contacts (unencrypted)</source>
        <translation>导出联系人（未加密）</translation>
    </message>
    <message>
        <source>No shortcut, on purpose: the Contacts menu</source>
        <translation>特意不设快捷键：请用“联系人”菜单</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) of notes deleted.</source>
        <translation>
            <numerusform>已删除 %n 个笔记早期版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Removing the duress passphrase…</source>
        <translation>正在移除胁迫密码短语…</translation>
    </message>
    <message>
        <source>No duress passphrase is set now.</source>
        <translation>现在没有设置胁迫密码短语。</translation>
    </message>
    <message>
        <source>That contact no longer has a key. Nothing was exported.</source>
        <translation>该联系人已没有密钥。没有导出任何内容。</translation>
    </message>
    <message>
        <source>Setting the duress passphrase…</source>
        <translation>正在设置胁迫密码短语…</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>更改密码短语(&amp;C)…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Move note to t&amp;rash</source>
        <translation>将笔记移到回收站(&amp;R)</translation>
    </message>
    <message>
        <source>The duress passphrase is set.</source>
        <translation>胁迫密码短语已设置。</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>正在更改密码短语…</translation>
    </message>
    <message>
        <source>The passphrase is changed.</source>
        <translation>密码短语已更改。</translation>
    </message>
    <message>
        <source>Rotate data key</source>
        <translation>更换数据密钥</translation>
    </message>
    <message>
        <source>Re-encrypt the whole vault under a new data key? Do this if the old key may have leaked. It can take a while for a large vault.</source>
        <translation>要用新的数据密钥重新加密整个保险库吗？如果旧密钥可能已经泄露，请执行此操作。保险库较大时可能需要一些时间。</translation>
    </message>
    <message>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保险库…</translation>
    </message>
    <message>
        <source>The vault is re-encrypted under a new data key.</source>
        <translation>保险库已用新的数据密钥重新加密。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>
Hand over both files; the .key file needs the passphrase.</source>
        <translation>
请把两个文件都交给对方；打开 .key 文件需要密码短语。</translation>
    </message>
    <message>
        <source>
Its attached files make it larger than Hushnote can import (5 GiB); the age tool opens it.</source>
        <translation>
其中的附件使它超过了 Hushnote 能导入的大小（5 GiB）；可以用 age 工具打开。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n attached file(s).</source>
        <translation>
            <numerusform>已导出 %n 个附件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Attached files: %1 new, %2 unchanged.</source>
        <translation>附件：新增 %1，不变 %2。</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv)</source>
        <translation>联系人 (*.vcf *.vcard *.csv)</translation>
    </message>
    <message>
        <source>Importing contacts…</source>
        <translation>正在导入联系人…</translation>
    </message>
    <message>
        <source>Imported %1 contacts. Skipped %2 already in the vault.</source>
        <translation>已导入 %1 个联系人。已跳过 %2 个已在保险库中的联系人。</translation>
    </message>
    <message>
        <source>%1 entries could not be read and were left out (lines %2).</source>
        <translation>%1 个条目无法读取，已略过（第 %2 行）。</translation>
    </message>
    <message>
        <source>Unencrypted export</source>
        <translation>未加密导出</translation>
    </message>
    <message>
        <source>This writes every contact to a file ANYONE can read. Prefer an encrypted bundle to hand contacts over. Continue?</source>
        <translation>这会把所有联系人写入一个任何人都能读取的文件。转交联系人时，建议改用加密包。要继续吗？</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>导出联系人</translation>
    </message>
    <message>
        <source>vCard (*.vcf);;CSV (*.csv)</source>
        <translation>vCard (*.vcf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>正在导出联系人…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s).</source>
        <translation>
            <numerusform>已导出 %n 个联系人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to:
%1</source>
        <translation>已保存到：
%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s).</source>
        <translation>
            <numerusform>已导出 %n 篇笔记。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact list(s).</source>
        <translation>
            <numerusform>已导出 %n 个联系人名单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n link(s) between notes and contacts.</source>
        <translation>
            <numerusform>已导出 %n 个笔记与联系人之间的关联。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged.</source>
        <translation>笔记：新增 %1，更新 %2，不变 %3。</translation>
    </message>
    <message>
        <source>Contacts: %1 new, %2 updated, %3 unchanged.</source>
        <translation>联系人：新增 %1，更新 %2，不变 %3。</translation>
    </message>
    <message>
        <source>Contact lists: %1 new, %2 updated, %3 unchanged.</source>
        <translation>联系人名单：新增 %1，更新 %2，不变 %3。</translation>
    </message>
    <message>
        <source>Links between notes and contacts: %1 new, %2 unchanged.</source>
        <translation>笔记与联系人之间的关联：新增 %1，不变 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n renamed contact(s) lost their saved key: check with each person, then enter their key again.</source>
        <translation>
            <numerusform>%n 位改了名的联系人失去了已保存的密钥：请与每个人核实，然后再次输入他们的密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The note&apos;s title; it is never shown in the window title.</source>
        <translation>笔记标题；它不会显示在窗口标题中。</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Choose a notebook or type a new name.</source>
        <translation>选择一个笔记本，或输入新名称。</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，用英文逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas.</source>
        <translation>标签，用英文逗号（,）分隔。</translation>
    </message>
    <message>
        <source>&amp;Pinned</source>
        <translation>置顶(&amp;P)</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Pinned notes stay at the top of the list.</source>
        <translation>置顶的笔记会保持在列表顶部。</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记正文</translation>
    </message>
    <message>
        <source>Markdown; saved as you type. Tab moves to the next control.</source>
        <translation>Markdown 格式；输入时自动保存。按 Tab 移到下一个控件。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The note formatted, read-only.</source>
        <translation>排版后的笔记，只读。</translation>
    </message>
    <message>
        <source>Show the formatted note (Ctrl+Shift+P)</source>
        <translation>显示排版后的笔记（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>历史(&amp;Y)</translation>
    </message>
    <message>
        <source>Earlier versions of this note, to compare and restore (%1)</source>
        <translation>这条笔记的早期版本，可比较和恢复（%1）</translation>
    </message>
    <message>
        <source>Note history</source>
        <translation>笔记历史记录</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>This note is in the trash. You can read it; restore it to edit it.</source>
        <translation>这篇笔记在回收站中。你可以阅读它；恢复后才能编辑。</translation>
    </message>
    <message>
        <source>Restore &amp;and edit</source>
        <translation>恢复并编辑(&amp;A)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Move this note out of the trash and edit it.</source>
        <translation>将这篇笔记移出回收站并编辑。</translation>
    </message>
    <message>
        <source>Linked contacts</source>
        <translation>关联联系人</translation>
    </message>
    <message>
        <source>People this note is about; Enter opens.</source>
        <translation>此笔记涉及的人；按 Enter 打开。</translation>
    </message>
    <message>
        <source>&amp;Link contact…</source>
        <translation>关联联系人(&amp;L)…</translation>
    </message>
    <message>
        <source>Link contact</source>
        <translation>关联联系人</translation>
    </message>
    <message>
        <source>Choose a contact this note is about.</source>
        <translation>选择此笔记涉及的联系人。</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Unlink contact</source>
        <translation>取消关联联系人</translation>
    </message>
    <message>
        <source>Remove the link to the selected contact; the contact stays.</source>
        <translation>移除与所选联系人的关联；联系人本身会保留。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Notebook:</source>
        <translation>笔记本(&amp;N)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Linked contacts:</source>
        <translation>关联联系人：</translation>
    </message>
    <message>
        <source>Not restored: a task is running. Try again when it ends.</source>
        <translation>未恢复：有任务正在运行。请在它结束后再试。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Previe&amp;w</source>
        <translation>预览(&amp;W)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>Not saved yet: saved when the task ends</source>
        <translation>尚未保存：任务结束后保存</translation>
    </message>
    <message>
        <source>Not saved: %1 Your text stays here, and saving is retried.</source>
        <translation>未保存：%1 您的文字仍保留在这里，并会自动重试保存。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Saved as PDF. It is not encrypted.</source>
        <translation>已另存为 PDF。该文件没有加密。</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>正在准备打印…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Nothing was printed. Printing writes the pages to a temporary file first, and this computer has no private folder in memory to keep it off the disk. Save as PDF instead, to a place you choose.</source>
        <translation>没有打印任何内容。打印会先把页面写入一个临时文件，而这台电脑没有位于内存中的私有文件夹，无法让它不落到磁盘上。请改为“另存为 PDF”，保存到您选择的位置。</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Nothing is marked to stay home yet, so nothing would leave.

To mark a notebook or a contact list: in the sidebar, open its menu (right-click, the Menu key or Shift+F10) and choose “Stays home (travel mode)”. Then start travel again.</source>
        <translation>还没有任何内容被标记为“留在家中”，所以不会带走任何东西。

要标记笔记本或联系人名单：在侧边栏中打开它的菜单（右键单击、菜单键或 Shift+F10），选择“留在家中（出行模式）”。然后重新开始出行。</translation>
    </message>
    <message>
        <source>Nothing is marked</source>
        <translation>没有标记任何内容</translation>
    </message>
    <message>
        <source>These are sealed into the bundle, then removed from this laptop, with their notes in the trash, attached files and earlier versions:</source>
        <translation>以下内容会连同其回收站中的笔记、附件和早期版本一起封入加密包，然后从这台笔记本电脑上删除：</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>回收站中</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>早期版本</translation>
    </message>
    <message>
        <source>Notebooks that leave</source>
        <translation>将带走的笔记本</translation>
    </message>
    <message>
        <source>Each notebook with how many notes, trashed notes, files and versions.</source>
        <translation>每个笔记本及其笔记、回收站中的笔记、附件和版本的数量。</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1（共享）</translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>联系人名单</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Contact lists that leave</source>
        <translation>将带走的联系人名单</translation>
    </message>
    <message>
        <source>Each list with how many people are on it.</source>
        <translation>每个名单及其中的人数。</translation>
    </message>
    <message>
        <source>These people are on no other list, so they leave too: %1</source>
        <translation>这些人不在其他任何名单上，所以也会被带走：%1</translation>
    </message>
    <message>
        <source>A shared notebook leaves with its sync state. Nothing is sent to its members, who keep their copies; syncing resumes when travel ends.</source>
        <translation>共享笔记本会连同其同步状态一起带走。不会向其成员发送任何内容，他们保留自己的副本；出行结束后同步会继续。</translation>
    </message>
</context>
<context>
    <name>SealedBrowser</name>
    <message>
        <source>[image not shown: {name}]</source>
        <extracomment>The most pixels an image may have to be shown: 100 megapixels, 400 MB decoded. Qt&apos;s own limit for one decoded image, in MiB (its default is 256). A text longer than this shows its beginning only. The most pixels one rendered PDF page may have, whatever the zoom. Raster formats only: an SVG may reference other files.</extracomment>
        <translation>[未显示图片：{name}]</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search notes and contacts: words, &quot;phrases&quot;, pre*, tag:x</source>
        <translation>搜索笔记和联系人：词语、&quot;短语&quot;、前缀*、tag:x</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, prefix* and tag:name; a minus excludes a word.</source>
        <translation>词语、&quot;短语&quot;、前缀* 和 tag:名称；在词前加减号可排除该词。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Enter opens the chosen result.</source>
        <translation>按 Enter 打开所选结果。</translation>
    </message>
    <message>
        <source>Searching when the task ends…</source>
        <translation>任务结束后开始搜索…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>In %1:</source>
        <translation>位于 %1：</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Off: wrong passphrases are not counted.</source>
        <translation>已关闭：不计算错误的密码短语。</translation>
    </message>
    <message>
        <source>Tries left now: %1</source>
        <translation>目前剩余次数：%1</translation>
    </message>
    <message>
        <source>Tries left once saved: %1</source>
        <translation>保存后的剩余次数：%1</translation>
    </message>
    <message>
        <source>Turn note history off?

Every earlier version of every note is deleted now, for good. This cannot be undone.</source>
        <translation>要关闭笔记历史记录吗？

所有笔记的全部早期版本都会立即被永久删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Keep note history for %1 only?

Earlier versions older than that are deleted now, for good. This cannot be undone.</source>
        <translation>只保留 %1 的笔记历史记录吗？

比这更早的版本会立即被永久删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Keep note history</source>
        <translation>保留笔记历史记录</translation>
    </message>
    <message>
        <source>Delete older history</source>
        <translation>删除较早的历史记录</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>删除全部历史记录</translation>
    </message>
    <message>
        <source>Delete every earlier version of every note, for good?

The notes stay as they are now. This cannot be undone.</source>
        <translation>要永久删除所有笔记的全部早期版本吗？

笔记保持现在的样子。此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) deleted for good.</source>
        <translation>
            <numerusform>已永久删除 %n 个早期版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source>Zero means never; sleep and screen lock always lock.</source>
        <translation>0 表示从不；系统睡眠和锁屏时总会锁定。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Clear copied text after this many seconds</source>
        <translation>复制的文字在多少秒后清除</translation>
    </message>
    <message>
        <source>Anything copied from the vault is removed from the clipboard then.</source>
        <translation>届时，从保险库复制的任何内容都会从剪贴板中移除。</translation>
    </message>
    <message>
        <source> wrong passphrases</source>
        <translation> 次密码短语错误后</translation>
    </message>
    <message>
        <source>Wipe after this many wrong passphrases in a row</source>
        <translation>连续输错多少次密码短语后销毁保险库</translation>
    </message>
    <message>
        <source>Counted on this computer only: it does not stop someone who copied the disk.</source>
        <translation>仅在这台电脑上计数：无法阻止已复制磁盘的人。</translation>
    </message>
    <message>
        <source>Wrong passphrases left before the wipe</source>
        <translation>销毁前剩余的错误密码短语次数</translation>
    </message>
    <message>
        <source>How long earlier versions of notes are kept in the vault. A shorter time deletes older versions when you press OK.</source>
        <translation>笔记的早期版本在保险库中保留多久。改为更短的时间后，按“确定”时会删除较早的版本。</translation>
    </message>
    <message>
        <source>Delete all &amp;history…</source>
        <translation>删除全部历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>Erase every earlier version of every note now; the notes stay.</source>
        <translation>立即清除所有笔记的全部早期版本；笔记本身保留。</translation>
    </message>
    <message>
        <source>Note history status</source>
        <translation>笔记历史记录状态</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Takes effect the next time it starts.</source>
        <translation>下次启动时生效。</translation>
    </message>
    <message>
        <source>Use a neutral name and icon</source>
        <translation>使用不显眼的名称和图标</translation>
    </message>
    <message>
        <source>Camouflage</source>
        <translation>伪装</translation>
    </message>
    <message>
        <source>Shows a neutral name and icon in window titles, the task bar and the launcher.</source>
        <translation>在窗口标题、任务栏和启动器中显示不显眼的名称和图标。</translation>
    </message>
    <message>
        <source>Hides the name from a glance, not from a search of the disk: the installed program and the vault folder keep their names.</source>
        <translation>这只能避开随意一瞥，避不开对磁盘的搜查：已安装的程序和保险库文件夹仍保留原名。</translation>
    </message>
    <message>
        <source>Language and camouflage are kept outside the vault, because they are needed before it is unlocked. The language changes at the next start.</source>
        <translation>语言和伪装设置保存在保险库之外，因为解锁之前就需要用到它们。语言将在下次启动时更改。</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>空闲多久后锁定(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Clear the clipboard after:</source>
        <translation>多久后清空剪贴板(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Wipe the vault after:</source>
        <translation>自动销毁保险库(&amp;W)：</translation>
    </message>
    <message>
        <source>Keep note hi&amp;story:</source>
        <translation>保留笔记历史记录(&amp;S)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>Ca&amp;mouflage:</source>
        <translation>伪装(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Each action and the keys that do it.</source>
        <translation>各项操作及其对应的按键。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SpaceActions</name>
    <message>
        <source>A wipe destroys this device&apos;s copy and its keys. It cannot reach colleagues&apos; copies of shared notebooks, nor a sync program&apos;s own version history (Syncthing&apos;s .stversions folder, Nextcloud&apos;s versions).</source>
        <translation>擦除会销毁这台设备上的副本及其密钥，但无法触及同事手中的共享笔记本副本，也无法触及同步程序自己的版本历史（Syncthing 的 .stversions 文件夹、Nextcloud 的版本记录）。</translation>
    </message>
    <message>
        <source>Share a notebook</source>
        <translation>共享笔记本</translation>
    </message>
    <message>
        <source>Notebook to share (or the name of a new one):</source>
        <translation>要共享的笔记本（或新笔记本的名称）：</translation>
    </message>
    <message>
        <source>Choose the folder your sync program shares</source>
        <translation>选择同步程序所共享的文件夹</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>正在共享…</translation>
    </message>
    <message>
        <source>Shared. Invite colleagues from the notebook&apos;s Members window.</source>
        <translation>已共享。请在该笔记本的“成员”窗口中邀请同事。</translation>
    </message>
    <message>
        <source>Open an invitation</source>
        <translation>打开邀请</translation>
    </message>
    <message>
        <source>Invitations (*.age);;All files (*)</source>
        <translation>邀请 (*.age);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Join the shared notebook “%1”?

The invitation was made with the key whose fingerprint is:

%2

Anyone who knows your key can send you an invitation. Read these digits aloud with the person who invited you, and join only if they match what their app shows.</source>
        <translation>要加入共享笔记本“%1”吗？

这份邀请是用指纹如下的密钥制作的：

%2

任何知道你密钥的人都能给你发邀请。请和邀请你的人一起把这些数字念出来，只有和对方应用里显示的一致时才加入。</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
    <message>
        <source>You joined the shared notebook “%1”. The invitation file holds the notebook&apos;s keys: delete it now.</source>
        <translation>你已加入共享笔记本“%1”。邀请文件里有这个笔记本的密钥：请现在就删除它。</translation>
    </message>
    <message>
        <source>Choose a shared notebook in the sidebar first.</source>
        <translation>请先在侧栏中选择一个共享笔记本。</translation>
    </message>
</context>
<context>
    <name>SpaceMembersDialog</name>
    <message>
        <source>Shared notebook members</source>
        <translation>共享笔记本成员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Each member&apos;s name, role and key fingerprint.</source>
        <translation>每位成员的名称、角色和密钥指纹。</translation>
    </message>
    <message>
        <source>Compare fingerprints aloud, in person or on a call: the digits on your colleague&apos;s screen must be the same as here. If they differ, do not share: someone else&apos;s key may have been given instead.</source>
        <translation>请当面或通过电话大声核对指纹：同事屏幕上的数字必须与这里完全相同。如果不同，请不要共享：可能有人换成了别人的密钥。</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>邀请…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Write an invitation file for a colleague&apos;s key.</source>
        <translation>为同事的密钥写一份邀请文件。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected member; later changes are hidden from them.</source>
        <translation>移除所选成员；之后的更改对其不可见。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>not joined yet</source>
        <translation>尚未加入</translation>
    </message>
    <message>
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>This vault</source>
        <translation>此保险库</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation>保存邀请</translation>
    </message>
    <message>
        <source>Invitations (*.age);;All files (*)</source>
        <translation>邀请 (*.age);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Inviting…</source>
        <translation>正在邀请…</translation>
    </message>
    <message>
        <source>The invitation is saved to:
%1

Hand it over by any means: only the holder of that key can open it. Then compare this fingerprint aloud with the one their app shows:
%2</source>
        <translation>邀请已保存到：
%1

可以用任何方式交给对方：只有持有该密钥的人才能打开。然后请与对方应用显示的指纹大声核对：
%2</translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation>移除成员</translation>
    </message>
    <message>
        <source>Remove %1 from this shared notebook?

Their device keeps everything it already had: what it synced before cannot be taken back.

What is written after the removal is encrypted with a new key that their device does not get, and their later changes are refused.</source>
        <translation>要将 %1 移出此共享笔记本吗？

其设备会保留已经拥有的一切：之前同步过去的内容无法收回。

移除之后写入的内容会用一把新密钥加密，其设备拿不到这把密钥；其之后的更改也会被拒绝。</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>正在移除…</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>密码短语强度</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>%n file(s) refused: forged signature</source>
        <translation>已拒绝 %n 个文件：签名是伪造的</translation>
    </message>
    <message>
        <source>%n file(s) refused: damaged or not meant for this notebook</source>
        <translation>已拒绝 %n 个文件：已损坏或不属于此笔记本</translation>
    </message>
    <message>
        <source>%n file(s) refused: not a change file</source>
        <translation>已拒绝 %n 个文件：不是更改文件</translation>
    </message>
    <message>
        <source>%n file(s) refused: a device&apos;s history was rewritten</source>
        <translation>已拒绝 %n 个文件：某台设备的历史被改写</translation>
    </message>
    <message>
        <source>%n file(s) refused: a change only the admin may make</source>
        <translation>已拒绝 %n 个文件：只有管理员才能做的更改</translation>
    </message>
    <message>
        <source>%n file(s) refused: written by a removed member</source>
        <translation>已拒绝 %n 个文件：由已移除的成员写入</translation>
    </message>
    <message>
        <source>%n file(s) refused</source>
        <translation>已拒绝 %n 个文件</translation>
    </message>
    <message>
        <source>Removed from this shared notebook</source>
        <translation>已被移出此共享笔记本</translation>
    </message>
    <message>
        <source>This vault is older than its shared folder: not publishing</source>
        <translation>此保险库比其共享文件夹旧：暂不发布更改</translation>
    </message>
    <message>
        <source>Shared folder replaced by a link or a file: not syncing</source>
        <translation>共享文件夹被替换成了链接或文件：已停止同步</translation>
    </message>
    <message>
        <source>The shared folder cannot be written: the disk is full or read-only</source>
        <translation>无法写入共享文件夹：磁盘已满或为只读</translation>
    </message>
    <message>
        <source>Shared folder missing</source>
        <translation>共享文件夹不见了</translation>
    </message>
    <message>
        <source>Shared notebooks</source>
        <translation>共享笔记本</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>已于 %1 同步</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>TravelActions</name>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Sealing and checking the bundle…</source>
        <translation>正在封装并检查加密包…</translation>
    </message>
    <message>
        <source>Opening and merging the bundle…</source>
        <translation>正在打开并合并加密包…</translation>
    </message>
    <message>
        <source>Notebooks: %1</source>
        <translation>笔记本：%1</translation>
    </message>
    <message>
        <source>Contact lists: %1</source>
        <translation>联系人名单：%1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>笔记：%1</translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>Attached files: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Travel has ended. Back in this vault:</source>
        <translation>出行已结束。已回到这个保险库的内容：</translation>
    </message>
    <message>
        <source>This bundle was not made by this vault, so these notebooks came back private, not shared again: %1</source>
        <translation>这个加密包不是由本保险库制作的，因此这些笔记本以私人笔记本的形式回来，不再共享：%1</translation>
    </message>
    <message>
        <source>Notes written on the road in %1 were moved to %2, a private notebook, so that none reaches its members. Move back the ones that should.</source>
        <translation>出行期间在 %1 中写下的笔记已移到私人笔记本 %2，因此不会发给其成员。请把应当共享的笔记移回去。</translation>
    </message>
</context>
<context>
    <name>TravelKeyView</name>
    <message>
        <source>Last word of the travel key</source>
        <translation>出行密钥的最后一个单词</translation>
    </message>
    <message>
        <source>Type the last word from what you wrote down, to show you have it.</source>
        <translation>输入您抄下内容中的最后一个单词，以确认您已记下。</translation>
    </message>
    <message>
        <source>Travel key</source>
        <translation>出行密钥</translation>
    </message>
    <message>
        <source>The words of the one-time travel key, in order.</source>
        <translation>一次性出行密钥的单词，按顺序排列。</translation>
    </message>
    <message>
        <source>Travel key as a QR code</source>
        <translation>出行密钥的二维码</translation>
    </message>
    <message>
        <source>The same words, for a phone&apos;s camera. It holds nothing else.</source>
        <translation>同样的单词，供手机摄像头扫描。其中不含其他任何内容。</translation>
    </message>
    <message>
        <source>Type the &amp;last word from your copy:</source>
        <translation>输入您抄下的最后一个单词(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>TravelWizard</name>
    <message>
        <source>Start travel</source>
        <translation>开始出行</translation>
    </message>
    <message>
        <source>Go back one step; nothing has changed yet.</source>
        <translation>返回上一步；目前什么都没有改变。</translation>
    </message>
    <message>
        <source>Go on to the next step; nothing changes yet.</source>
        <translation>进入下一步；目前还不会改变任何内容。</translation>
    </message>
    <message>
        <source>Seal, check and then remove what is marked.</source>
        <translation>封装、检查，然后删除已标记的内容。</translation>
    </message>
    <message>
        <source>Close without changing anything.</source>
        <translation>关闭，不做任何更改。</translation>
    </message>
    <message>
        <source>Close; travel mode stays on.</source>
        <translation>关闭；出行模式保持开启。</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlocking</source>
        <translation>正在解锁</translation>
    </message>
    <message>
        <source>{app} is locked</source>
        <translation>{app} 已锁定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The passphrase that opens this vault. Enter unlocks.</source>
        <translation>用于打开此保险库的密码短语。按 Enter 解锁。</translation>
    </message>
    <message>
        <source>Open with this password.</source>
        <translation>用此密码打开。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>The password that opens your notes. Enter unlocks.</source>
        <translation>用于打开您笔记的密码。按 Enter 解锁。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Open the vault with this passphrase.</source>
        <translation>用此密码短语打开保险库。</translation>
    </message>
    <message>
        <source>Tries left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>1 try left</source>
        <translation>还剩 1 次</translation>
    </message>
    <message>
        <source>%1 tries left</source>
        <translation>还剩 %1 次</translation>
    </message>
</context>
<context>
    <name>WeakPassphraseDialog</name>
    <message>
        <source>This passphrase is easy to guess.</source>
        <translation>这个密码短语很容易被猜中。</translation>
    </message>
    <message>
        <source>This password is easy to guess.</source>
        <translation>这个密码很容易被猜中。</translation>
    </message>
    <message>
        <source>Someone who copies this computer&apos;s disk can try about %1 passphrases a second against this vault (Argon2id with %2 MiB of memory, %3 passes, %4 lanes: timed on this computer, scaled to an attacker&apos;s hardware). On average they would find this one in %5.

Six random words (Suggest a passphrase) would take far longer than a lifetime. Use this passphrase anyway?</source>
        <translation>复制了这台电脑硬盘的人，每秒可以对这个保险库尝试约 %1 个密码短语（Argon2id，%2 MiB 内存，%3 轮，%4 条并行通道：在这台电脑上计时，再按攻击者的硬件换算）。平均而言，他们会在%5内猜中这一个。

六个随机单词（“推荐密码短语”）所需的时间远超一生。仍要使用这个密码短语吗？</translation>
    </message>
    <message>
        <source>Someone who copies this computer&apos;s disk can try about %1 passwords a second against your notes (Argon2id with %2 MiB of memory, %3 passes, %4 lanes: timed on this computer, scaled to an attacker&apos;s hardware). On average they would find this one in %5.

Six random words (Suggest a password) would take far longer than a lifetime. Use this password anyway?</source>
        <translation>复制了这台电脑硬盘的人，每秒可以对你的笔记尝试约 %1 个密码（Argon2id，%2 MiB 内存，%3 轮，%4 条并行通道：在这台电脑上计时，再按攻击者的硬件换算）。平均而言，他们会在%5内猜中这一个。

六个随机单词（“推荐密码”）所需的时间远超一生。仍要使用这个密码吗？</translation>
    </message>
    <message>
        <source>Choose a &amp;better one</source>
        <translation>换一个更好的(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Use it anyway</source>
        <translation>仍然使用(&amp;U)</translation>
    </message>
    <message>
        <source>Go back and choose a stronger passphrase.</source>
        <translation>返回并选择一个更强的密码短语。</translation>
    </message>
    <message>
        <source>Go back and choose a stronger password.</source>
        <translation>返回并选择一个更强的密码。</translation>
    </message>
    <message>
        <source>Set this passphrase although it is easy to guess.</source>
        <translation>尽管容易被猜中，仍设置这个密码短语。</translation>
    </message>
    <message>
        <source>Set this password although it is easy to guess.</source>
        <translation>虽然容易被猜中，仍设置这个密码。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sections</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Journal, notes, notebooks, tags, contacts, lists and trash (Alt+1).</source>
        <translation>日记、笔记、笔记本、标签、联系人、名单和回收站（Alt+1）。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>The notes, contacts or tags in this section (Alt+2); Enter opens.</source>
        <translation>此分区中的笔记、联系人或标签（Alt+2）；按 Enter 打开。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>A new note or contact here (Ctrl+N).</source>
        <translation>在此处新建笔记或联系人（Ctrl+N）。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Move the selected note out of the trash.</source>
        <translation>将所选笔记移出回收站。</translation>
    </message>
    <message>
        <source>Delete &amp;forever</source>
        <translation>永久删除(&amp;F)</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Erase the selected note; it cannot be restored.</source>
        <translation>彻底清除所选笔记；之后无法恢复。</translation>
    </message>
    <message>
        <source>&amp;Empty trash</source>
        <translation>清空回收站(&amp;E)</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Erase every note in the trash for good.</source>
        <translation>永久清除回收站中的所有笔记。</translation>
    </message>
    <message>
        <source>Choose something on the left, or press Ctrl+N.</source>
        <translation>请在左侧选择一项，或按 Ctrl+N。</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>日记</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Shared notebook</source>
        <translation>共享笔记本</translation>
    </message>
    <message>
        <source>%1, shared notebook</source>
        <translation>%1，共享笔记本</translation>
    </message>
    <message>
        <source>Stays home when travel starts</source>
        <translation>开始出行时留在家中</translation>
    </message>
    <message>
        <source>%1, stays home in travel mode</source>
        <translation>%1，出行模式下留在家中</translation>
    </message>
    <message>
        <source>Members of this shared notebook…</source>
        <translation>此共享笔记本的成员…</translation>
    </message>
    <message>
        <source>Export as an encrypted bundle…</source>
        <translation>导出为加密包…</translation>
    </message>
    <message>
        <source>Stays &amp;home (travel mode)</source>
        <translation>留在家中（出行模式）(&amp;H)</translation>
    </message>
    <message>
        <source>Starting travel seals it into a bundle and removes it from this laptop.</source>
        <translation>开始出行时，它会被封入加密包并从这台笔记本电脑上删除。</translation>
    </message>
    <message>
        <source>Print this month…</source>
        <translation>打印本月…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save this month as PDF…</source>
        <translation>将本月另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Marked to stay home when travel starts.</source>
        <translation>已标记为开始出行时留在家中。</translation>
    </message>
    <message>
        <source>No longer marked to stay home.</source>
        <translation>已取消“留在家中”标记。</translation>
    </message>
    <message>
        <source>Export this note as an encrypted bundle…</source>
        <translation>将此笔记导出为加密包…</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发送给</translation>
    </message>
    <message>
        <source>Send to %1…</source>
        <translation>发送给 %1…</translation>
    </message>
    <message>
        <source>Moved to the trash.</source>
        <translation>已移到回收站。</translation>
    </message>
    <message>
        <source>Restored from the trash.</source>
        <translation>已从回收站恢复。</translation>
    </message>
    <message>
        <source>Delete this note forever? This cannot be undone.</source>
        <translation>要永久删除此笔记吗？此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n note(s) in the trash forever?</source>
        <translation>
            <numerusform>要永久删除回收站中的 %n 篇笔记吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Delete this contact? Linked notes stay.</source>
        <translation>要删除此联系人吗？关联的笔记会保留。</translation>
    </message>
    <message>
        <source>Link a contact</source>
        <translation>关联联系人</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>添加到名单</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Travel mode is on</source>
        <translation>出行模式已开启</translation>
    </message>
    <message>
        <source>The bundle was written and checked, and what it holds was removed from this laptop: the vault now looks as if it never held it. To end travel, bring back the bundle:</source>
        <translation>加密包已写入并检查，其中的内容已从这台笔记本电脑上删除：现在这个保险库看起来就像从未存放过它们。要结束出行，请带回加密包：</translation>
    </message>
    <message>
        <source>…and the travel key you wrote down, kept apart from the laptop. Without it the bundle cannot be opened.</source>
        <translation>……以及您抄下的出行密钥，请与笔记本电脑分开存放。没有它就无法打开加密包。</translation>
    </message>
    <message>
        <source>…and ask %1, who holds the only key, to encrypt it again to your bundle key (Bundles, My bundle key) once you are back; the user guide says how.</source>
        <translation>……回来后，请持有唯一密钥的 %1 把它重新加密到您的加密包密钥（“加密包”菜单，“我的加密包密钥”）；用户指南中有操作方法。</translation>
    </message>
    <message>
        <source>Then choose Vault, End travel…, and pick the bundle.</source>
        <translation>然后选择“保险库”菜单中的“结束出行…”，并选取该加密包。</translation>
    </message>
    <message>
        <source>The rewrite of the vault was cancelled.</source>
        <translation>保险库的重写已取消。</translation>
    </message>
    <message>
        <source>The vault could not be rewritten afterwards: %1</source>
        <translation>之后未能重写保险库：%1</translation>
    </message>
    <message>
        <source>The size of its file may still tell that something left; Vault, Rotate data key… rewrites it.</source>
        <translation>其文件大小仍可能透露曾有内容被移走；“保险库”菜单中的“更换数据密钥…”可以重写它。</translation>
    </message>
</context>
<context>
    <name>_KeyPage</name>
    <message>
        <source>Who can open the bundle</source>
        <translation>谁能打开加密包</translation>
    </message>
    <message>
        <source>A one-time &amp;travel key: words you write down</source>
        <translation>一次性出行密钥(&amp;T)：由您抄下的单词</translation>
    </message>
    <message>
        <source>Shown once, as words and a QR code. Keep it apart from the laptop.</source>
        <translation>只显示一次，以单词和二维码形式。请与笔记本电脑分开保管。</translation>
    </message>
    <message>
        <source>A &amp;colleague&apos;s key, from your contacts</source>
        <translation>同事的密钥，来自您的联系人(&amp;C)</translation>
    </message>
    <message>
        <source>Only that colleague&apos;s vault opens the bundle; they re-encrypt it for you.</source>
        <translation>只有该同事的保险库能打开加密包；由他们为您重新加密。</translation>
    </message>
    <message>
        <source>Colleagues with a key</source>
        <translation>有密钥的同事</translation>
    </message>
    <message>
        <source>Contacts that hold an age public key.</source>
        <translation>存有 age 公钥的联系人。</translation>
    </message>
    <message>
        <source>No contact has an age key yet. To send the bundle to a colleague, add their public key to their contact first.</source>
        <translation>还没有联系人存有 age 密钥。要把加密包交给同事，请先把他们的公钥添加到其联系人资料中。</translation>
    </message>
    <message>
        <source>The bundle is encrypted. With a travel key, you bring the words back yourself, apart from the laptop. With a colleague&apos;s key, only their vault opens it: nobody can make you open it at a checkpoint.</source>
        <translation>加密包是加密的。使用出行密钥时，由您自己把单词带回，与笔记本电脑分开。使用同事的密钥时，只有他们的保险库能打开它：在检查站没有人能逼您打开。</translation>
    </message>
</context>
<context>
    <name>_PlacePage</name>
    <message>
        <source>Where the bundle goes</source>
        <translation>加密包存放在哪里</translation>
    </message>
    <message>
        <source>Choose a place that does not travel with this laptop: a USB stick you leave behind, a shared folder, or a colleague&apos;s inbox folder. Not the vault&apos;s own folder.</source>
        <translation>请选择一个不随这台笔记本电脑出行的地方：留在家中的 U 盘、共享文件夹，或同事的收件文件夹。不能是保险库自己的文件夹。</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>加密包文件</translation>
    </message>
    <message>
        <source>Where the bundle is written.</source>
        <translation>加密包写入的位置。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Opens a file dialog that remembers no folders.</source>
        <translation>打开一个不记录任何文件夹的文件对话框。</translation>
    </message>
    <message>
        <source>Problem with the file</source>
        <translation>文件的问题</translation>
    </message>
    <message>
        <source>Save the travel bundle</source>
        <translation>保存出行加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有文件 (*)</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the bundle.</source>
        <translation>那是一个文件夹。请为加密包选择一个文件名。</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another place.</source>
        <translation>该文件夹不存在。请选择其他位置。</translation>
    </message>
    <message>
        <source>A file with that name exists, and a travel bundle never replaces one. Choose another name.</source>
        <translation>已有同名文件，而出行加密包从不替换已有文件。请换一个名字。</translation>
    </message>
</context>
<context>
    <name>_PlanPage</name>
    <message>
        <source>What leaves this laptop</source>
        <translation>哪些内容会离开这台笔记本电脑</translation>
    </message>
</context>
<context>
    <name>_StartPage</name>
    <message>
        <source>Start travel</source>
        <translation>开始出行</translation>
    </message>
    <message>
        <source>&amp;Start travel</source>
        <translation>开始出行(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;write the whole vault afterwards (takes longer)</source>
        <translation>之后重写整个保险库（耗时较长）(&amp;W)</translation>
    </message>
    <message>
        <source>Writes the vault afresh under a new key, so that neither its size nor its freed space tells that something left.</source>
        <translation>用新密钥重新写入整个保险库，使其大小和释放的空间都不会透露有内容被移走。</translation>
    </message>
    <message>
        <source>&amp;Remind me on this laptop that travel mode is on</source>
        <translation>在这台笔记本电脑上提醒我出行模式已开启(&amp;R)</translation>
    </message>
    <message>
        <source>Off by default: a reminder is the one thing that would show travel mode to whoever unlocks the vault. Your own words, shown in the status bar.</source>
        <translation>默认关闭：提醒是唯一会让解锁保险库的人看出出行模式的东西。内容由您自己填写，显示在状态栏中。</translation>
    </message>
    <message>
        <source>Reminder text</source>
        <translation>提醒文字</translation>
    </message>
    <message>
        <source>Words only you understand; shown after unlocking until travel ends.</source>
        <translation>只有您自己看得懂的话；解锁后显示，直到出行结束。</translation>
    </message>
    <message>
        <source>Words only you understand</source>
        <translation>只有您自己看得懂的话</translation>
    </message>
    <message>
        <source>Why travel did not start</source>
        <translation>出行为何没有开始</translation>
    </message>
    <message>
        <source>Choose &amp;another place…</source>
        <translation>选择其他位置(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose another place</source>
        <translation>选择其他位置</translation>
    </message>
    <message>
        <source>Another file for the bundle; the travel key stays the same.</source>
        <translation>为加密包另选一个文件；出行密钥保持不变。</translation>
    </message>
    <message>
        <source>The bundle is written to the place you chose, read back and checked. Only then is what it holds removed from this laptop, so that the vault looks as if it never held it. Cancel stops it with nothing changed.</source>
        <translation>加密包会写入您选择的位置，再读回并检查。只有这之后，其中的内容才会从这台笔记本电脑上删除，使保险库看起来就像从未存放过它们。按“取消”会中止，不做任何更改。</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>加密包：%1</translation>
    </message>
    <message>
        <source>The disk there is full. Choose another place for the bundle.</source>
        <translation>那里的磁盘已满。请为加密包选择另一个位置。</translation>
    </message>
    <message>
        <source>The bundle cannot be written there (a write-protected disk, or no permission). Choose another place for it.</source>
        <translation>无法在那里写入加密包（磁盘写保护，或没有权限）。请为它选择另一个位置。</translation>
    </message>
</context>
<context>
    <name>_WordsPage</name>
    <message>
        <source>Write down the travel key</source>
        <translation>抄下出行密钥</translation>
    </message>
    <message>
        <source>Write these words on paper, or photograph the code with a phone that does not travel with you. They are shown only now and never again: without them the bundle cannot be opened, by you or by anyone.</source>
        <translation>请把这些单词写在纸上，或用一部不随您出行的手机拍下二维码。它们只在此刻显示，之后不会再显示：没有它们，您和任何人都无法打开这个加密包。</translation>
    </message>
</context>
<context>
    <name>app_import</name>
    <message>
        <source>&amp;Joplin</source>
        <translation>Joplin(&amp;J)</translation>
    </message>
    <message>
        <source>In Joplin, File ▸ Export all ▸ JEX, then choose the .jex file; or choose a folder exported as RAW.</source>
        <translation>在 Joplin 中选择“文件 ▸ 全部导出 ▸ JEX”，然后选择 .jex 文件；或选择以 RAW 格式导出的文件夹。</translation>
    </message>
    <message>
        <source>&amp;Standard Notes</source>
        <translation>Standard Notes(&amp;S)</translation>
    </message>
    <message>
        <source>In Standard Notes, Preferences ▸ Backups ▸ Download backup, then choose the .txt, .json or .zip file (an encrypted one asks for its passphrase).</source>
        <translation>在 Standard Notes 中选择“偏好设置 ▸ 备份 ▸ 下载备份”，然后选择 .txt、.json 或 .zip 文件（加密的备份会要求输入密码短语）。</translation>
    </message>
    <message>
        <source>&amp;Evernote</source>
        <translation>Evernote(&amp;E)</translation>
    </message>
    <message>
        <source>In Evernote, export each notebook as an .enex file, then choose one or several of them.</source>
        <translation>在 Evernote 中将每个笔记本导出为 .enex 文件，然后选择其中一个或多个。</translation>
    </message>
    <message>
        <source>&amp;Markdown folder or Obsidian vault</source>
        <translation>&amp;Markdown 文件夹或 Obsidian 库</translation>
    </message>
    <message>
        <source>Choose the folder of .md files (an Obsidian vault is one), or a .zip of it.</source>
        <translation>选择存放 .md 文件的文件夹（Obsidian 库就是这样的文件夹），或它的 .zip 压缩包。</translation>
    </message>
    <message>
        <source>&amp;Day One</source>
        <translation>&amp;Day One</translation>
    </message>
    <message>
        <source>In Day One, Settings ▸ Import/Export ▸ Export ▸ JSON, then choose the .zip file or the folder unpacked from it.</source>
        <translation>在 Day One 中选择“设置 ▸ 导入/导出 ▸ 导出 ▸ JSON”，然后选择 .zip 文件或从中解压出的文件夹。</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Joplin exports (*.jex)</source>
        <translation>Joplin 导出文件 (*.jex)</translation>
    </message>
    <message>
        <source>Standard Notes backups (*.txt *.json *.zip)</source>
        <translation>Standard Notes 备份 (*.txt *.json *.zip)</translation>
    </message>
    <message>
        <source>Evernote exports (*.enex)</source>
        <translation>Evernote 导出文件 (*.enex)</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Day One exports (*.zip)</source>
        <translation>Day One 导出文件 (*.zip)</translation>
    </message>
    <message>
        <source>Location data dropped from %n note(s).</source>
        <translation>已从 %n 篇笔记中去除位置数据。</translation>
    </message>
    <message>
        <source>%n item(s) in the other app&apos;s trash, not imported.</source>
        <translation>%n 项在其他应用的回收站中，未导入。</translation>
    </message>
    <message>
        <source>%n encrypted section(s), which cannot be read, left out.</source>
        <translation>%n 个无法读取的加密段落，未导入。</translation>
    </message>
    <message>
        <source>%n item(s) of a kind this app does not keep, left out.</source>
        <translation>%n 项本应用不保存的内容，未导入。</translation>
    </message>
    <message>
        <source>%n attachment(s) missing from the export.</source>
        <translation>导出文件中缺少 %n 个附件。</translation>
    </message>
    <message>
        <source>%n link(s) or special file(s) in the export, not followed or read.</source>
        <translation>导出中有 %n 个链接或特殊文件，未跟随也未读取。</translation>
    </message>
    <message>
        <source>%n attachment(s) whose hidden metadata could not be removed, left out.</source>
        <translation>%n 个附件的隐藏元数据无法移除，未导入。</translation>
    </message>
    <message>
        <source>%n other item(s) left out.</source>
        <translation>另有 %n 项未导入。</translation>
    </message>
    <message>
        <source>a link: it was left, and what it points to too</source>
        <translation>是一个链接：它和它指向的内容都保留未动</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>this is, or holds, the vault&apos;s own folder: nothing in it was touched</source>
        <translation>这是保险库自己的文件夹，或包含它：其中的任何内容都未被改动</translation>
    </message>
    <message>
        <source>it could not be overwritten or deleted</source>
        <translation>无法覆盖或删除它</translation>
    </message>
    <message>
        <source>Reading the export…</source>
        <translation>正在读取导出文件…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The vault changed since the preview, so nothing was imported. Here is what the import would do now.</source>
        <translation>预览之后保险库发生了变化，因此没有导入任何内容。下面是现在导入将会做的事。</translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged.</source>
        <translation>笔记：新增 %1，更新 %2，不变 %3。</translation>
    </message>
    <message>
        <source>Attachments added: %1. New tags: %2. New notebooks: %3.</source>
        <translation>新增附件：%1。新标签：%2。新笔记本：%3。</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Delete the export you imported from this computer?</source>
        <translation>要从这台电脑上删除已导入的导出文件吗？</translation>
    </message>
    <message>
        <source>Its files are overwritten, then deleted. On SSDs and on journaling or copy-on-write file systems the old contents may survive on the disk anyway. Backups and cloud copies are untouched. The other app still keeps its own copy of your notes: delete them there too.</source>
        <translation>这些文件会先被覆写再删除。在固态硬盘以及日志式或写时复制文件系统上，旧内容仍可能残留在磁盘上。备份和云端副本不受影响。其他应用仍保留着您笔记的副本：请也在那里删除。</translation>
    </message>
    <message>
        <source>&amp;Delete the export</source>
        <translation>删除导出文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep the files</source>
        <translation>保留文件(&amp;K)</translation>
    </message>
    <message>
        <source>Deleting the export…</source>
        <translation>正在删除导出文件…</translation>
    </message>
    <message>
        <source>%1 file(s) could not be deleted:</source>
        <translation>%1 个文件无法删除：</translation>
    </message>
</context>
<context>
    <name>attach</name>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation>粘贴的图片.png</translation>
    </message>
    <message>
        <source>Cancelled: “%1” was not attached.</source>
        <translation>已取消：“%1”未附加。</translation>
    </message>
    <message>
        <source>“%1” was not attached.</source>
        <translation>“%1”未附加。</translation>
    </message>
    <message>
        <source>“%1” attached. %2</source>
        <translation>已附加“%1”。%2</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未附加</translation>
    </message>
    <message>
        <source>Encrypting and attaching the file…</source>
        <translation>正在加密并附加文件…</translation>
    </message>
    <message>
        <source>Metadata could not be removed</source>
        <translation>无法移除元数据</translation>
    </message>
    <message>
        <source>“%1”: %2

Store it unchanged, with its metadata?</source>
        <translation>“%1”：%2

要原样保存它，连同其元数据吗？</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <source>Too large to show</source>
        <translation>文件太大，无法显示</translation>
    </message>
    <message>
        <source>Files over 512 MiB are not shown here. Export a copy to open it elsewhere.</source>
        <translation>超过 512 MiB 的文件不会在此显示。请导出副本，用其他程序打开。</translation>
    </message>
    <message>
        <source>Decrypting the attachment…</source>
        <translation>正在解密附件…</translation>
    </message>
    <message>
        <source>Cannot open it</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Export an unencrypted copy</source>
        <translation>导出未加密的副本</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted. Anyone who can open this computer&apos;s disk, or the drive you save it on, can read it, and it stays there until you delete it (deleting may not erase it from the disk).

Export a copy anyway?</source>
        <translation>副本将不会被加密。任何能打开这台电脑的磁盘或您所保存到的驱动器的人都能读取它，而且它会一直留在那里，直到您删除为止（删除也未必能将它从磁盘上抹除）。

仍要导出副本吗？</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>导出副本…</translation>
    </message>
    <message>
        <source>Export a copy</source>
        <translation>导出副本</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Decrypting and writing the copy…</source>
        <translation>正在解密并写入副本…</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Remove “%1” for good?

Its encrypted file is destroyed: it does not go to the trash and cannot be brought back.</source>
        <translation>要永久删除“%1”吗？

它的加密文件将被销毁：不会进入回收站，也无法恢复。</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>buttons</name>
    <message>
        <source>Apply and close.</source>
        <extracomment>Object name of labels that show what the user wrote, never a translatable string.</extracomment>
        <translation>应用并关闭。</translation>
    </message>
    <message>
        <source>Close without changing anything.</source>
        <translation>关闭，不做任何更改。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>{app} ran into an unexpected problem. Everything saved before it is safe. If it happens again, lock the vault and restart {app}.</source>
        <translation>{app} 遇到了意外问题。在此之前保存的所有内容都是安全的。如果再次出现，请锁定保险库并重新启动 {app}。</translation>
    </message>
    <message>
        <source>{app} ran into an unexpected problem. Everything saved before it is safe. If it happens again, restart {app}.</source>
        <translation>{app} 遇到了意外问题。在此之前保存的所有内容都是安全的。如果再次出现，请重新启动 {app}。</translation>
    </message>
</context>
<context>
    <name>duration</name>
    <message>
        <source>less than a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>more than a billion years</source>
        <translation>超过十亿年</translation>
    </message>
    <message>
        <source>about a second</source>
        <translation>约一秒</translation>
    </message>
    <message>
        <source>about %1 seconds</source>
        <translation>约 %1 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>约一分钟</translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>约一小时</translation>
    </message>
    <message>
        <source>about %1 hours</source>
        <translation>约 %1 小时</translation>
    </message>
    <message>
        <source>about a day</source>
        <translation>约一天</translation>
    </message>
    <message>
        <source>about %1 days</source>
        <translation>约 %1 天</translation>
    </message>
    <message>
        <source>about a month</source>
        <translation>约一个月</translation>
    </message>
    <message>
        <source>about %1 months</source>
        <translation>约 %1 个月</translation>
    </message>
    <message>
        <source>about a year</source>
        <translation>约一年</translation>
    </message>
    <message>
        <source>about %1 years</source>
        <translation>约 %1 年</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong inside {app}. Your saved data was not changed.</source>
        <translation>{app} 内部出现问题。您已保存的数据没有被更改。</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported.</source>
        <translation>无法导入此文件；未导入任何内容。</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported. The problem is on line {line}.</source>
        <translation>无法导入此文件；未导入任何内容。问题出在第 {line} 行。</translation>
    </message>
    <message>
        <source>This bundle opens with the key file %1, which is not beside it. Put that file back in the same folder as the bundle; nothing was imported.</source>
        <translation>此加密包需要与它放在一起的密钥文件 %1 才能打开，但该文件不在旁边。请把它放回加密包所在的文件夹；没有导入任何内容。</translation>
    </message>
    <message>
        <source>{app} cannot read or write %1 (no permission, or a disk that was removed?).</source>
        <translation>{app} 无法读写 %1（没有权限，或磁盘已被移除？）。</translation>
    </message>
    <message>
        <source>This export cannot be imported: %1. Nothing was imported.</source>
        <translation>无法导入此导出文件：%1。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The problem is in %1.</source>
        <translation>问题出在 %1。</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the bundle; nothing was written.</source>
        <translation>那是一个文件夹。请为加密包选择一个文件名；未写入任何内容。</translation>
    </message>
    <message>
        <source>A file of that name already exists, perhaps an earlier trip&apos;s bundle. Choose a new name; nothing was written.</source>
        <translation>已存在同名文件，可能是上次出行的加密包。请换一个名称；未写入任何内容。</translation>
    </message>
    <message>
        <source>That place is inside the vault&apos;s own folder. Save the bundle somewhere else; nothing was written.</source>
        <translation>该位置在保险库自己的文件夹内。请将加密包保存到其他位置；未写入任何内容。</translation>
    </message>
    <message>
        <source>The bundle could not be encrypted and written. Nothing was changed.</source>
        <translation>无法加密并写入该加密包。未做任何更改。</translation>
    </message>
    <message>
        <source>No usable font is installed, so no PDF was made. Nothing was written.</source>
        <translation>没有安装可用的字体，因此未生成 PDF。未写入任何内容。</translation>
    </message>
    <message>
        <source>No installed font can draw some characters of this text (emoji, say), so no PDF was made. Nothing was written.</source>
        <translation>已安装的字体无法显示这段文字中的某些字符（例如表情符号），因此未生成 PDF。未写入任何内容。</translation>
    </message>
    <message>
        <source>A file of that name already exists. Nothing was written.</source>
        <translation>同名文件已存在。未写入任何内容。</translation>
    </message>
    <message>
        <source>That place is inside the vault&apos;s own folder. Save the PDF somewhere else; nothing was written.</source>
        <translation>该位置在保险库自己的文件夹内。请将 PDF 保存到其他地方；未写入任何内容。</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the PDF; nothing was written.</source>
        <translation>那是一个文件夹。请为 PDF 选择一个文件名；未写入任何内容。</translation>
    </message>
    <message>
        <source>That name cannot hold a PDF (it is not a regular file, or the name itself cannot be used). Choose another file name; nothing was written.</source>
        <translation>这个名称无法保存 PDF（它不是普通文件，或名称本身不可用）。请另选文件名；没有写入任何内容。</translation>
    </message>
    <message>
        <source>The private folder for copies is a link or belongs to another user, so no copy was made.</source>
        <translation>用于存放副本的私有文件夹是一个链接或属于其他用户，因此没有创建副本。</translation>
    </message>
    <message>
        <source>The decoy notes are too long to fit; shorten them.</source>
        <translation>诱饵笔记太长，放不下；请缩短。</translation>
    </message>
    <message>
        <source>That is a secret key: never share it, and ask for a new one if it was sent to you. Paste the public key, which starts with age1.</source>
        <translation>这是私钥：绝不要分享它；如果它是别人发给您的，请让对方重新生成一个。请粘贴以 age1 开头的公钥。</translation>
    </message>
    <message>
        <source>That contact has no age key saved. Add one to the contact first.</source>
        <translation>该联系人没有保存 age 密钥。请先为该联系人添加密钥。</translation>
    </message>
    <message>
        <source>More than one contact has that name. Choose the contact from the list.</source>
        <translation>有多个联系人使用这个名字。请从列表中选择联系人。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s own key: whoever makes you unlock this vault could open the bundle. Choose a colleague&apos;s key, or a one-time travel key.</source>
        <translation>这是本保险库自己的密钥：任何逼您解锁本保险库的人都能打开这个加密包。请选择同事的密钥，或一次性出行密钥。</translation>
    </message>
    <message>
        <source>That is not an age public key: it starts with age1 and has 62 characters.</source>
        <translation>这不是 age 公钥：age 公钥以 age1 开头，共 62 个字符。</translation>
    </message>
    <message>
        <source>A list marked to stay home is shared in a notebook that travels: removing it would remove it for every member. Unmark the list, or mark that notebook too. Nothing was written.</source>
        <translation>一个标记为“留在家中”的名单被共享在一个随身携带的笔记本中：移除它会让所有成员都失去它。请取消该名单的标记，或将那个笔记本也标记为留在家中。未写入任何内容。</translation>
    </message>
    <message>
        <source>The selected notes are all in the trash, and the trash is never exported. Restore them first. Nothing was exported.</source>
        <translation>选中的笔记全都在回收站中，而回收站从不导出。请先恢复它们。未导出任何内容。</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>请输入密码短语。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的密码短语不一致。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s real passphrase. A duress passphrase must be a different one: typed at the unlock screen, it destroys the vault.</source>
        <translation>这是此保险库的真实密码。胁迫密码必须是另一个密码：在解锁界面输入它会销毁保险库。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s duress passphrase. The real passphrase must be a different one: otherwise typing it under pressure would open your notes.</source>
        <translation>这是这个保险库的胁迫密码短语。真正的密码短语必须与它不同：否则在压力下输入它会打开你的笔记。</translation>
    </message>
    <message>
        <source>That passphrase cannot be used.</source>
        <translation>无法使用此密码短语。</translation>
    </message>
    <message>
        <source>This PDF is locked with a password, so {app} cannot remove its hidden details (author, dates, software). Nothing was attached.</source>
        <translation>此 PDF 受密码保护，{app} 无法移除其中的隐藏信息（作者、日期、软件）。未添加任何附件。</translation>
    </message>
    <message>
        <source>This PDF is digitally signed: removing its hidden details (author, dates, software) would break the signature. Nothing was attached.</source>
        <translation>此 PDF 带有数字签名：移除其中的隐藏信息（作者、日期、软件）会使签名失效。未添加任何附件。</translation>
    </message>
    <message>
        <source>{app} cannot remove the hidden details (location, camera, author) from this file: it is damaged, cut short, or not the kind of file it claims to be. Nothing was attached.</source>
        <translation>{app} 无法移除此文件中的隐藏信息（位置、相机、作者）：文件已损坏、不完整，或并非其声称的文件类型。未添加任何附件。</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault.</source>
        <translation>此密码短语无法打开这个保险库。</translation>
    </message>
    <message>
        <source>This vault is open in another {app} window or command.</source>
        <translation>此保险库已在另一个 {app} 窗口或命令中打开。</translation>
    </message>
    <message>
        <source>The vault database is damaged. Run “hushnote check” for details.</source>
        <translation>保险库数据库已损坏。运行“hushnote check”可查看详情。</translation>
    </message>
    <message>
        <source>The vault header is damaged or missing, so the vault cannot be opened.</source>
        <translation>保险库头文件已损坏或缺失，因此无法打开保险库。</translation>
    </message>
    <message>
        <source>The vault&apos;s header and database do not belong together: one of them is another vault&apos;s, or the database is empty. Nothing was changed.</source>
        <translation>保险库的头文件和数据库不匹配：其中一个属于另一个保险库，或者数据库是空的。未做任何更改。</translation>
    </message>
    <message>
        <source>The vault&apos;s database is older than its header: an older copy of it, or of part of it, was put back. Nothing was changed. If you restored it yourself, run “hushnote check --accept-rollback”.</source>
        <translation>保险库的数据库比其头文件旧：有人放回了它（或它的一部分）的旧副本。未做任何更改。如果是您自己恢复的，请运行“hushnote check --accept-rollback”。</translation>
    </message>
    <message>
        <source>A file in the vault folder is a link or not a regular file, so {app} did not open it. Put the real file back in its place.</source>
        <translation>保险库文件夹中的某个文件是链接或不是普通文件，因此 {app} 没有打开它。请把真正的文件放回原处。</translation>
    </message>
    <message>
        <source>The vault&apos;s header changed on disk while {app} had the vault open: it was wiped, or another program replaced it. Nothing more was written.</source>
        <translation>{app} 打开保险库期间，磁盘上的保险库头文件被更改了：保险库已被销毁，或有其他程序替换了它。之后没有再写入任何内容。</translation>
    </message>
    <message>
        <source>The vault could not be destroyed completely (read-only disk?). Its files are still there.</source>
        <translation>无法完全销毁保险库（磁盘是只读的？）。它的文件仍然存在。</translation>
    </message>
    <message>
        <source>This vault was made by a newer {app}. Please upgrade.</source>
        <translation>此保险库由更新版本的 {app} 创建。请升级。</translation>
    </message>
    <message>
        <source>This vault asks for more memory or time than this computer allows.</source>
        <translation>此保险库所需的内存或时间超出了这台电脑的限制。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and retry.</source>
        <translation>磁盘已满。没有做任何更改；请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>This computer has no private folder in memory for the copy, so it was not made: a copy on the disk would outlive the vault.</source>
        <translation>这台电脑在内存中没有可存放副本的私有文件夹，因此没有创建副本：存在磁盘上的副本会比保险库留存得更久。</translation>
    </message>
    <message>
        <source>{app} cannot read or write the vault folder (permissions?).</source>
        <translation>{app} 无法读写保险库文件夹（可能是权限问题）。</translation>
    </message>
    <message>
        <source>A vault already exists in that folder.</source>
        <translation>该文件夹中已有保险库。</translation>
    </message>
    <message>
        <source>That folder is not empty; choose a new or empty folder.</source>
        <translation>该文件夹不是空的；请选择新的或空的文件夹。</translation>
    </message>
    <message>
        <source>There is no vault in that folder any more. Nothing was changed.</source>
        <translation>那个文件夹中已经没有保险库了。未做任何更改。</translation>
    </message>
    <message>
        <source>The vault was locked before that could finish. Unlock it and try again.</source>
        <translation>操作完成前保险库已被锁定。请解锁后重试。</translation>
    </message>
    <message>
        <source>More than one item matches. Choose the one you mean from the list.</source>
        <translation>有多个项目匹配。请从列表中选择您要的那一个。</translation>
    </message>
    <message>
        <source>That needs your confirmation first. Nothing was changed.</source>
        <translation>这需要您先确认。未做任何更改。</translation>
    </message>
    <message>
        <source>This copy of {app} cannot encrypt (its SQLite library is not SQLCipher), so it refuses to open the vault. Reinstall {app}.</source>
        <translation>此 {app} 副本无法加密（其 SQLite 库不是 SQLCipher），因此拒绝打开保险库。请重新安装 {app}。</translation>
    </message>
    <message>
        <source>The desktop app cannot start on this display.</source>
        <translation>桌面应用无法在此显示器上启动。</translation>
    </message>
    <message>
        <source>That item no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>That cannot be saved: a required field is empty or too long.</source>
        <translation>无法保存：某个必填字段为空或过长。</translation>
    </message>
    <message>
        <source>That cannot be saved: a name or value holds control characters.</source>
        <translation>无法保存：某个名称或值中含有控制字符。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消。没有做任何更改。</translation>
    </message>
    <message>
        <source>This bundle cannot be opened: wrong key or passphrase, or the file was changed or cut short. Nothing was imported.</source>
        <translation>无法打开此加密包：密钥或密码短语不正确，或者文件已被改动或不完整。未导入任何内容。</translation>
    </message>
    <message>
        <source>This bundle is damaged. Nothing was imported.</source>
        <translation>此加密包已损坏。未导入任何内容。</translation>
    </message>
    <message>
        <source>This bundle was made by a newer {app}. Please upgrade.</source>
        <translation>此加密包由更新版本的 {app} 创建。请升级。</translation>
    </message>
    <message>
        <source>This bundle is over the size limits. Nothing was imported.</source>
        <translation>此加密包超出了大小限制。未导入任何内容。</translation>
    </message>
    <message>
        <source>This passphrase bundle asks for more memory and time to open than {app} allows. Nothing was imported.</source>
        <translation>打开此密码短语加密包所需的内存和时间超出了 {app} 允许的范围。未导入任何内容。</translation>
    </message>
    <message>
        <source>This is not a picture {app} can read, or it is damaged. Nothing was stored.</source>
        <translation>这不是 {app} 能读取的图片，或者文件已损坏。没有保存任何内容。</translation>
    </message>
    <message>
        <source>This picture is too large for {app} to process. Nothing was stored.</source>
        <translation>这张图片太大，{app} 无法处理。没有保存任何内容。</translation>
    </message>
    <message>
        <source>Faces cannot be found automatically: the face detector is not installed. You can still mark faces by hand, and they will be blurred.</source>
        <translation>无法自动找出人脸：未安装人脸检测组件。你仍然可以手动标出人脸，它们同样会被模糊处理。</translation>
    </message>
    <message>
        <source>The vault changed after the preview, so the import would not do what it showed. Nothing was imported: import the bundle again to see a new preview.</source>
        <translation>预览之后保险库发生了变化，导入的结果将与预览不符。未导入任何内容：请重新导入该加密包，查看新的预览。</translation>
    </message>
    <message>
        <source>This file is too large. Files of up to 4 GiB can be attached.</source>
        <translation>此文件太大。最多可附加 4 GiB 的文件。</translation>
    </message>
    <message>
        <source>This attachment&apos;s encrypted file is missing or damaged, so it cannot be read. Nothing else was changed.</source>
        <translation>此附件的加密文件缺失或已损坏，无法读取。其他内容均未更改。</translation>
    </message>
    <message>
        <source>That is not a file that can be attached (a folder or a device, say).</source>
        <translation>这不是可以附加的文件（例如文件夹或设备）。</translation>
    </message>
    <message>
        <source>This invitation cannot be used here: it was made for another key, or it is damaged, or this vault already has that shared notebook. Nothing was changed.</source>
        <translation>这份邀请无法在此使用：它是为另一个密钥制作的，或已损坏，或此保险库已有该共享笔记本。未做任何更改。</translation>
    </message>
    <message>
        <source>That folder cannot hold a shared notebook: choose an existing folder outside the vault&apos;s own folder. Nothing was changed.</source>
        <translation>该文件夹不能存放共享笔记本：请选择保险库自身文件夹之外的现有文件夹。未做任何更改。</translation>
    </message>
    <message>
        <source>Only the shared notebook&apos;s admin can invite or remove members, and the admin cannot remove itself. Nothing was changed.</source>
        <translation>只有共享笔记本的管理员才能邀请或移除成员，且管理员不能移除自己。未做任何更改。</translation>
    </message>
    <message>
        <source>Nothing is marked to stay home. Mark a notebook or a contact list first; nothing was written.</source>
        <translation>没有任何内容被标记为“留在家中”。请先标记一个笔记本或联系人名单；未写入任何内容。</translation>
    </message>
    <message>
        <source>The travel bundle read back from the disk is not what was written, so it was removed and nothing was taken out of the vault. Try another place to save it.</source>
        <translation>从磁盘读回的出行加密包与写入的内容不一致，因此已将其删除，保险库中的内容没有被移除。请尝试保存到其他位置。</translation>
    </message>
    <message>
        <source>The open note or contact could not be saved (is the disk full?), so this did not start. Its text is still in the editor: make room, then try again.</source>
        <translation>打开的笔记或联系人无法保存（磁盘是否已满？），因此此操作没有开始。其文字仍在编辑器中：请腾出空间后再试。</translation>
    </message>
    <message>
        <source>This bundle is not a travel bundle. Import it as an ordinary bundle instead; nothing was changed.</source>
        <translation>这不是出行加密包。请改为按普通加密包导入；未做任何更改。</translation>
    </message>
    <message>
        <source>{app} could not complete that. Nothing was changed.</source>
        <translation>{app} 无法完成此操作。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>%n more line(s) not shown here</source>
        <translation>另有 %n 行未在此显示</translation>
    </message>
    <message>
        <source>%n unchanged line(s)</source>
        <translation>%n 行未改动</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Restore the version of %1?

The current text is kept as a version first, so you can go back to it.</source>
        <translation>要恢复 %1 的版本吗？

当前文字会先保存为一个版本，所以您可以再回到它。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete this note&apos;s history</source>
        <translation>删除这条笔记的历史记录</translation>
    </message>
    <message>
        <source>Delete the %n earlier version(s) of this note for good?

The note stays as it is now. This cannot be undone.</source>
        <translation>要永久删除这条笔记的 %n 个早期版本吗？

笔记保持现在的样子。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete history</source>
        <translation>删除历史记录</translation>
    </message>
    <message>
        <source>while editing</source>
        <translation>编辑时</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>before a shared-notebook change</source>
        <translation>共享笔记本改动之前</translation>
    </message>
    <message>
        <source>before a bundle import</source>
        <translation>导入加密包之前</translation>
    </message>
    <message>
        <source>before another change</source>
        <translation>其他改动之前</translation>
    </message>
    <message>
        <source>Off: keep no history</source>
        <translation>关闭：不保留历史记录</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>Notes</source>
        <extracomment>A stock freedesktop icon every desktop theme draws: it looks like any text editor.</extracomment>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>This bundle was made for this vault&apos;s key: it opens without a passphrase.</source>
        <translation>此加密包是为本保险库的密钥制作的：无需密码短语即可打开。</translation>
    </message>
    <message>
        <source>This bundle is protected by a passphrase. Enter the passphrase its sender gave you.</source>
        <translation>此加密包受密码短语保护。请输入发送方告诉你的密码短语。</translation>
    </message>
    <message>
        <source>This bundle was made for someone else&apos;s key, not this vault&apos;s, so it cannot be opened here. Ask its sender to export it again to this vault&apos;s key (Bundles, My bundle key) or with a passphrase. Nothing was imported.</source>
        <translation>此加密包是为他人的密钥制作的，而不是本保险库的密钥，因此无法在这里打开。请让发送方改用本保险库的密钥（加密包 &gt; 我的加密包密钥）或用密码短语重新导出。未导入任何内容。</translation>
    </message>
    <message>
        <source>This file is not a %1 bundle: it is not an encrypted bundle file, or it is empty or cut short. Nothing was imported.</source>
        <translation>此文件不是 %1 加密包：它不是加密包文件，或是空文件、不完整。未导入任何内容。</translation>
    </message>
    <message>
        <source>The passphrase opened this bundle, and everything in it was checked.</source>
        <translation>密码短语已打开此加密包，其中的全部内容均已检查。</translation>
    </message>
    <message>
        <source>Opening the bundle…</source>
        <translation>正在打开加密包…</translation>
    </message>
    <message>
        <source>Everything in it was checked.</source>
        <translation>其中的全部内容均已检查。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消导入，未做任何更改。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>import-reasons</name>
    <message>
        <source>the file or folder is not there</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>this is not an export of that app</source>
        <translation>这不是该应用的导出文件</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>文件已损坏或不完整</translation>
    </message>
    <message>
        <source>more files or items than an import takes</source>
        <translation>文件或条目数量超出一次导入的上限</translation>
    </message>
    <message>
        <source>a file larger than an import takes</source>
        <translation>文件大小超出导入的上限</translation>
    </message>
    <message>
        <source>more data in all than an import takes</source>
        <translation>数据总量超出一次导入的上限</translation>
    </message>
    <message>
        <source>an archive member that expands far beyond its size (a compression bomb)</source>
        <translation>压缩包中有一项解压后远大于其本身大小（压缩炸弹）</translation>
    </message>
    <message>
        <source>nesting deeper than an import takes</source>
        <translation>嵌套层级超出导入的上限</translation>
    </message>
    <message>
        <source>a file name that points outside the archive</source>
        <translation>文件名指向压缩包之外</translation>
    </message>
    <message>
        <source>a link or special file where a file should be (never followed or read)</source>
        <translation>本应是文件的位置上是一个链接或特殊文件（从不跟随或读取）</translation>
    </message>
    <message>
        <source>text that is not UTF-8</source>
        <translation>文本不是 UTF-8 编码</translation>
    </message>
    <message>
        <source>broken JSON</source>
        <translation>JSON 格式有误</translation>
    </message>
    <message>
        <source>broken XML</source>
        <translation>XML 格式有误</translation>
    </message>
    <message>
        <source>an XML entity or document type declaration, which is never expanded</source>
        <translation>含有 XML 实体或文档类型声明（绝不会展开）</translation>
    </message>
    <message>
        <source>an attachment whose data is not valid base64</source>
        <translation>附件的 base64 编码有误</translation>
    </message>
    <message>
        <source>a date that cannot be read</source>
        <translation>无法识别的日期</translation>
    </message>
    <message>
        <source>an item with a field of the wrong type</source>
        <translation>某一条目的字段类型不正确</translation>
    </message>
    <message>
        <source>notebooks that contain each other</source>
        <translation>笔记本相互包含</translation>
    </message>
    <message>
        <source>a notebook or tag whose nested name is longer than an import takes</source>
        <translation>笔记本或标签的嵌套名称超出导入的长度上限</translation>
    </message>
    <message>
        <source>this backup is encrypted: give its passphrase</source>
        <translation>此备份已加密：请提供它的密码短语</translation>
    </message>
    <message>
        <source>the passphrase does not open this backup</source>
        <translation>该密码短语无法打开此备份</translation>
    </message>
    <message>
        <source>an encryption version this import does not read</source>
        <translation>导入不支持的加密版本</translation>
    </message>
    <message>
        <source>an item whose key is not in the backup</source>
        <translation>某一条目的密钥不在备份中</translation>
    </message>
    <message>
        <source>a note longer than Hushnote keeps</source>
        <translation>笔记长度超出 Hushnote 的上限</translation>
    </message>
    <message>
        <source>nothing to import in it</source>
        <translation>其中没有可导入的内容</translation>
    </message>
    <message>
        <source>this version of Hushnote cannot import from that app</source>
        <translation>此版本的 Hushnote 无法从该应用导入</translation>
    </message>
    <message>
        <source>front matter that is too large or expands too far to be read</source>
        <translation>开头的 YAML 信息（front matter）过大或展开过多，无法读取</translation>
    </message>
</context>
<context>
    <name>locked-errors</name>
    <message>
        <source>Something went wrong inside {app}. Your saved data was not changed.</source>
        <translation>{app} 内部出现问题。您已保存的数据没有被更改。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>That password cannot be used.</source>
        <translation>无法使用此密码。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is damaged or missing.</source>
        <translation>无法打开您的笔记：其中一个文件已损坏或缺失。</translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <source>{app} is already open in another window.</source>
        <translation>{app} 已在另一个窗口中打开。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: their files do not belong together. Nothing was changed.</source>
        <translation>无法打开您的笔记：它们的文件彼此不匹配。没有做任何更改。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is older than the others, as if an old copy was put back. Nothing was changed.</source>
        <translation>无法打开您的笔记：其中一个文件比其他文件旧，像是有人放回了旧副本。没有做任何更改。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is a link or not a regular file. Put the real file back in its place.</source>
        <translation>无法打开您的笔记：其中一个文件是链接或不是普通文件。请把真正的文件放回原处。</translation>
    </message>
    <message>
        <source>These notes were saved by a newer {app}. Please upgrade.</source>
        <translation>这些笔记由更新版本的 {app} 保存。请升级。</translation>
    </message>
    <message>
        <source>Opening these notes needs more memory or time than this computer has.</source>
        <translation>打开这些笔记所需的内存或时间超出了这台电脑的能力。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and retry.</source>
        <translation>磁盘已满。没有做任何更改；请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>{app} cannot read or write its folder (permissions?).</source>
        <translation>{app} 无法读写它的文件夹（可能是权限问题）。</translation>
    </message>
    <message>
        <source>That folder is already in use.</source>
        <translation>该文件夹已被使用。</translation>
    </message>
    <message>
        <source>That folder is not empty; choose a new or empty folder.</source>
        <translation>该文件夹不是空的；请选择新的或空的文件夹。</translation>
    </message>
    <message>
        <source>Your notes are no longer in their folder. Nothing was changed.</source>
        <translation>您的笔记已不在原来的文件夹中。没有做任何更改。</translation>
    </message>
    <message>
        <source>{app} could not remove its files (read-only disk?). They are still there.</source>
        <translation>{app} 无法删除它的文件（磁盘是只读的？）。这些文件仍然存在。</translation>
    </message>
    <message>
        <source>This copy of {app} is incomplete, so it does not open your notes. Reinstall {app}.</source>
        <translation>此 {app} 副本不完整，因此无法打开您的笔记。请重新安装 {app}。</translation>
    </message>
    <message>
        <source>{app} could not complete that. Nothing was changed.</source>
        <translation>{app} 无法完成此操作。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>metadata</name>
    <message>
        <source>GPS position</source>
        <translation>GPS 位置</translation>
    </message>
    <message>
        <source>camera serial number</source>
        <translation>相机序列号</translation>
    </message>
    <message>
        <source>camera make and model</source>
        <translation>相机品牌和型号</translation>
    </message>
    <message>
        <source>unique picture or document ID</source>
        <translation>图片或文档的唯一标识</translation>
    </message>
    <message>
        <source>owner&apos;s name</source>
        <translation>所有者姓名</translation>
    </message>
    <message>
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>date taken</source>
        <translation>拍摄日期</translation>
    </message>
    <message>
        <source>editing software</source>
        <translation>编辑软件</translation>
    </message>
    <message>
        <source>creating program</source>
        <translation>创建程序</translation>
    </message>
    <message>
        <source>embedded thumbnail</source>
        <translation>内嵌缩略图</translation>
    </message>
    <message>
        <source>camera maker&apos;s private data</source>
        <translation>相机厂商的私有数据</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>XMP data</source>
        <translation>XMP 数据</translation>
    </message>
    <message>
        <source>IPTC data</source>
        <translation>IPTC 数据</translation>
    </message>
    <message>
        <source>other camera settings</source>
        <translation>其他相机设置</translation>
    </message>
    <message>
        <source>text fields</source>
        <translation>文本字段</translation>
    </message>
    <message>
        <source>document properties</source>
        <translation>文档属性</translation>
    </message>
    <message>
        <source>data hidden after the picture</source>
        <translation>藏在图片之后的数据</translation>
    </message>
    <message>
        <source>faces (blurred) and everything but the pixels</source>
        <translation>人脸（已模糊）以及除像素以外的一切</translation>
    </message>
    <message>
        <source>everything but the pixels (no face was blurred)</source>
        <translation>除像素外的一切（没有模糊任何人脸）</translation>
    </message>
    <message>
        <source>other identifying data</source>
        <translation>其他可识别身份的数据</translation>
    </message>
    <message>
        <source>Nothing identifying was found.</source>
        <translation>未发现可识别身份的信息。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Removed: %1.</source>
        <translation>已移除：%1。</translation>
    </message>
    <message>
        <source>Stored with its metadata, unchanged, as you chose.</source>
        <translation>已按您的选择原样保存，元数据未移除。</translation>
    </message>
    <message>
        <source>Stored as it is: plain text carries no hidden metadata.</source>
        <translation>已原样保存：纯文本不含隐藏的元数据。</translation>
    </message>
    <message>
        <source>Stored as it is: metadata is removed only from JPEG, PNG and WebP photos and PDFs, so this file keeps whatever names or dates it holds inside.</source>
        <translation>已原样保存：只有 JPEG、PNG、WebP 照片和 PDF 会被移除元数据，因此这个文件内部原有的姓名或日期都会保留。</translation>
    </message>
    <message>
        <source>JPEG photo</source>
        <translation>JPEG 照片</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>WebP 图片</translation>
    </message>
    <message>
        <source>GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>BMP image</source>
        <translation>BMP 图片</translation>
    </message>
    <message>
        <source>HEIC photo</source>
        <translation>HEIC 照片</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Markdown 文本</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Hidden as you type; never read aloud.</source>
        <translation>输入时隐藏；屏幕阅读器也不会朗读。</translation>
    </message>
    <message>
        <source>⇪ Caps Lock is on</source>
        <translation>⇪ 大写锁定已开启</translation>
    </message>
    <message>
        <source>Hide what is typed</source>
        <translation>隐藏输入内容</translation>
    </message>
    <message>
        <source>Show what is typed</source>
        <translation>显示输入内容</translation>
    </message>
    <message>
        <source>Shows what is typed as plain text while on; %1 switches it.</source>
        <translation>开启时以明文显示输入内容；按 %1 切换。</translation>
    </message>
</context>
<context>
    <name>task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
