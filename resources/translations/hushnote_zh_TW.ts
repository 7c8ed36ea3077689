<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AboutBox</name>
    <message>
        <source>About %1</source>
        <translation>關於 %1</translation>
    </message>
    <message>
        <source>A journal for notes and contact lists that keeps everything in an encrypted vault on this computer and never connects to the network. Free software under the GNU GPL, version 3 or later.</source>
        <translation>用來記錄筆記與聯絡人名單的日誌程式，所有內容都保存在這部電腦上的加密保險庫中，從不連接網路。本軟體為自由軟體，依 GNU GPL 第 3 版或更新版本授權。</translation>
    </message>
    <message>
        <source>A notebook for your journal, notes and contacts.</source>
        <translation>記錄日誌、筆記與聯絡人的筆記本。</translation>
    </message>
</context>
<context>
    <name>AppImportDialog</name>
    <message>
        <source>Import from another app</source>
        <translation>從其他應用程式匯入</translation>
    </message>
    <message>
        <source>Which app does the export come from?</source>
        <translation>匯出檔案來自哪個應用程式？</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>選擇檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose f&amp;older…</source>
        <translation>選擇資料夾(&amp;O)…</translation>
    </message>
    <message>
        <source>Nothing chosen yet.</source>
        <translation>尚未選擇任何內容。</translation>
    </message>
    <message>
        <source>Chosen files</source>
        <translation>已選擇的檔案</translation>
    </message>
    <message>
        <source>&amp;Keep location data</source>
        <translation>保留位置資料(&amp;K)</translation>
    </message>
    <message>
        <source>Off: where a note was written (coordinates, place names) is left out. On: it is added as a last line of the note, and anyone who opens the vault can read it.</source>
        <translation>關閉：不匯入筆記的寫作地點（座標、地名）。開啟：地點會作為筆記的最後一行加入，任何打開保險庫的人都能看到。</translation>
    </message>
    <message>
        <source>Keep location data</source>
        <translation>保留位置資料</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>讀取(&amp;R)</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>選擇檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose the export</source>
        <translation>選擇匯出檔案</translation>
    </message>
    <message>
        <source>Choose the export&apos;s folder</source>
        <translation>選擇匯出資料夾</translation>
    </message>
</context>
<context>
    <name>AppImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>匯入預覽</translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged. New tags: %4. New notebooks: %5.</source>
        <translation>筆記：新增 %1，更新 %2，不變 %3。新標籤：%4。新筆記本：%5。</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>匯入將做什麼</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>筆記本</translation>
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
        <translation>不變</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>(default notebook)</source>
        <translation>（預設筆記本）</translation>
    </message>
    <message>
        <source>Notes per notebook</source>
        <translation>各筆記本的筆記</translation>
    </message>
    <message>
        <source>Left &amp;out:</source>
        <translation>未匯入(&amp;O)：</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未匯入</translation>
    </message>
    <message>
        <source>This export is already in the vault: nothing would change.</source>
        <translation>此匯出內容已在保險庫中：匯入不會帶來任何變化。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>AttachmentOpening</name>
    <message>
        <source>Open in another program</source>
        <translation>用其他程式開啟</translation>
    </message>
    <message>
        <source>This file cannot be shown here. Open it in another program?</source>
        <translation>此檔案無法在這裡顯示。要用其他程式開啟嗎？</translation>
    </message>
    <message>
        <source>A decrypted copy is placed in a private folder in memory, and erased when the vault locks. But the other program may keep its own copies, recent-file lists, thumbnails or autosaves on the disk, outside the vault, where locking or wiping the vault cannot erase them.</source>
        <translation>系統會在記憶體中的私人資料夾裡放一份解密後的副本，並在保險庫鎖定時將其清除。但其他程式可能會在磁碟上、保險庫之外保留它自己的副本、最近使用的檔案清單、縮圖或自動儲存檔，鎖定或銷毀保險庫都無法抹去這些內容。</translation>
    </message>
    <message>
        <source>This file could run a program or load things from the internet when opened, so it is not opened from here. Export a copy only if you know what it is.</source>
        <translation>此檔案在開啟時可能會執行程式或從網際網路載入內容，因此不會從這裡開啟。只有在你清楚它是什麼時才匯出副本。</translation>
    </message>
    <message>
        <source>No program on this computer opens this kind of file.</source>
        <translation>這台電腦上沒有能開啟此類檔案的程式。</translation>
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
        <translation>附加檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Encrypt a file into the vault with this note; identifying metadata is removed (Ctrl+Shift+A). You can also drop files here or paste an image.</source>
        <translation>把檔案加密存入保險庫，附在這則筆記上；可辨識身分的中繼資料會被移除（Ctrl+Shift+A）。也可以把檔案拖放到這裡，或貼上圖片。</translation>
    </message>
    <message>
        <source>Attach a file (Ctrl+Shift+A)</source>
        <translation>附加檔案（Ctrl+Shift+A）</translation>
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
        <translation>附加一張臉部已模糊的照片，或附加一個保留中繼資料的檔案。</translation>
    </message>
    <message>
        <source>Attach photo with faces &amp;blurred…</source>
        <translation>附加臉部已模糊的照片(&amp;B)…</translation>
    </message>
    <message>
        <source>Attach with &amp;metadata kept…</source>
        <translation>附加並保留中繼資料(&amp;M)…</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Enter opens; Delete removes for good; the Menu key offers export.</source>
        <translation>Enter 開啟；Delete 永久刪除；選單鍵提供匯出。</translation>
    </message>
    <message>
        <source>What the attach removed</source>
        <translation>附加時移除了什麼</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>Attach with metadata kept</source>
        <translation>附加並保留中繼資料</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>“%1” was removed for good.</source>
        <translation>「%1」已永久刪除。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export a copy…</source>
        <translation>匯出副本(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove for good…</source>
        <translation>永久刪除(&amp;R)…</translation>
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
        <translation>頁碼</translation>
    </message>
    <message>
        <source>The page shown; type a number to go there.</source>
        <translation>目前顯示的頁面；輸入頁碼即可跳轉。</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>符合視窗</translation>
    </message>
    <message>
        <source>Show it smaller (Ctrl+Minus).</source>
        <translation>縮小顯示（Ctrl+減號）。</translation>
    </message>
    <message>
        <source>Show it larger (Ctrl+Plus).</source>
        <translation>放大顯示（Ctrl+加號）。</translation>
    </message>
    <message>
        <source>Show the whole page or image in the window (Ctrl+0).</source>
        <translation>在視窗中顯示整個頁面或整張圖片（Ctrl+0）。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the attachment (Escape).</source>
        <translation>關閉附件（Esc）。</translation>
    </message>
    <message>
        <source>Some characters are not UTF-8 and show as �.</source>
        <translation>部分字元不是 UTF-8 編碼，顯示為 �。</translation>
    </message>
    <message>
        <source>This text is long: only its first 4 MB are shown.</source>
        <translation>此文字較長：僅顯示前 4 MB。</translation>
    </message>
    <message>
        <source>Attachment text</source>
        <translation>附件文字</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown here.</source>
        <translation>此類檔案無法在這裡顯示。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password, so it cannot be shown here.</source>
        <translation>此 PDF 受密碼保護，無法在這裡顯示。</translation>
    </message>
    <message>
        <source>This PDF cannot be read: it is damaged or not a PDF.</source>
        <translation>無法讀取此 PDF：檔案已損毀或不是 PDF 檔案。</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>共 {count} 頁</translation>
    </message>
    <message>
        <source>This image cannot be read: it is damaged or of an unknown kind.</source>
        <translation>無法讀取此圖片：檔案已損毀或格式不明。</translation>
    </message>
    <message>
        <source>This image is too large to show here ({width} by {height} pixels).</source>
        <translation>此圖片太大，無法在這裡顯示（{width} × {height} 像素）。</translation>
    </message>
    <message>
        <source>This page cannot be drawn: the PDF is damaged.</source>
        <translation>無法顯示此頁：PDF 檔案已損毀。</translation>
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
        <translation>備份密碼短語</translation>
    </message>
    <message>
        <source>This backup is encrypted. Enter the passphrase it was encrypted with (your Standard Notes account password, or the one you chose for it).</source>
        <translation>此備份已加密。請輸入加密時使用的密碼短語（你的 Standard Notes 帳戶密碼，或你為它設定的密碼）。</translation>
    </message>
    <message>
        <source>Why the passphrase is asked again</source>
        <translation>為什麼再次要求輸入密碼短語</translation>
    </message>
    <message>
        <source>Enter the backup&apos;s passphrase, or press Cancel.</source>
        <translation>請輸入備份的密碼短語，或按「取消」。</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup. Try again.</source>
        <translation>這個密碼短語無法打開此備份。請重試。</translation>
    </message>
</context>
<context>
    <name>BlurReviewDialog</name>
    <message>
        <source>Blur faces</source>
        <translation>模糊臉部</translation>
    </message>
    <message>
        <source>Photo with face boxes</source>
        <translation>標出臉部框的照片</translation>
    </message>
    <message>
        <source>Tab walks the boxes; Delete removes one; Insert adds one; arrows move it and Shift+arrows resize it. Drag with the mouse to draw a box.</source>
        <translation>Tab 逐一選取框；Delete 刪除一個框；Insert 新增一個框；方向鍵移動框，Shift+方向鍵調整大小。用滑鼠拖曳可以畫出一個框。</translation>
    </message>
    <message>
        <source>Blurring cannot be undone: only the blurred photo is stored, never the original. Check every face is covered, in the background and in reflections too.</source>
        <translation>模糊處理無法復原：只儲存模糊後的照片，絕不儲存原圖。請確認每張臉都已被遮蓋，包括背景中和倒影裡的臉。</translation>
    </message>
    <message>
        <source>&amp;Add box</source>
        <translation>新增框(&amp;A)</translation>
    </message>
    <message>
        <source>Add box</source>
        <translation>新增框</translation>
    </message>
    <message>
        <source>Put a new box in the middle of the photo; move it with the arrow keys.</source>
        <translation>在照片中央放一個新框；用方向鍵移動它。</translation>
    </message>
    <message>
        <source>&amp;Remove box</source>
        <translation>刪除框(&amp;R)</translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation>刪除框</translation>
    </message>
    <message>
        <source>Remove the selected box: that part stays sharp.</source>
        <translation>刪除選取的框：那部分將保持清晰。</translation>
    </message>
    <message>
        <source>&amp;Blur and attach</source>
        <translation>模糊並附加(&amp;B)</translation>
    </message>
    <message>
        <source>Blur and attach</source>
        <translation>模糊並附加</translation>
    </message>
    <message>
        <source>Blur every box for good and attach only the blurred photo.</source>
        <translation>永久模糊每個框，只附加模糊後的照片。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close without attaching anything.</source>
        <translation>關閉，不附加任何內容。</translation>
    </message>
    <message>
        <source>Faces cannot be found automatically: the face finder is not installed. Mark each face by hand.</source>
        <translation>無法自動尋找臉部：未安裝臉部尋找元件。請手動標出每張臉。</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>正在尋找臉部…</translation>
    </message>
    <message>
        <source>The search for faces was stopped. Mark faces by hand.</source>
        <translation>已停止尋找臉部。請手動標出臉部。</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found. Remove wrong boxes, and add any face that was missed.</source>
        <translation>
            <numerusform>找到 %n 張臉。請刪除錯誤的框，並補上遺漏的臉。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) will be blurred.</source>
        <translation>
            <numerusform>將模糊 %n 個框。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach photo with faces blurred</source>
        <translation>附加臉部已模糊的照片</translation>
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
        <translation>最大 256 MiB 的照片可以進行模糊處理。</translation>
    </message>
    <message>
        <source>Not a photo</source>
        <translation>不是照片</translation>
    </message>
    <message>
        <source>Choose a JPEG, PNG or WebP photo.</source>
        <translation>請選擇 JPEG、PNG 或 WebP 照片。</translation>
    </message>
    <message>
        <source>Opening the photo…</source>
        <translation>正在開啟照片…</translation>
    </message>
    <message>
        <source>That photo cannot be read: it may be damaged.</source>
        <translation>無法讀取這張照片：它可能已損壞。</translation>
    </message>
    <message>
        <source>Cannot blur it</source>
        <translation>無法模糊</translation>
    </message>
</context>
<context>
    <name>BundlePassphraseDialog</name>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包密碼短語</translation>
    </message>
    <message>
        <source>The passphrase the sender chose for this bundle.</source>
        <translation>傳送者為此加密包設定的密碼短語。</translation>
    </message>
    <message>
        <source>Why the passphrase is asked again</source>
        <translation>為什麼再次要求輸入密碼短語</translation>
    </message>
    <message>
        <source>Enter the bundle&apos;s passphrase, or press Cancel.</source>
        <translation>請輸入加密包的密碼短語，或按「取消」。</translation>
    </message>
    <message>
        <source>That passphrase does not open this bundle. Check it and try again. If you are sure it is right, the file may have been changed or cut short.</source>
        <translation>這個密碼短語無法開啟此加密包。請檢查後再試一次。若確定無誤，檔案可能已遭更動或不完整。</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>變更密碼短語</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>目前的密碼短語</translation>
    </message>
    <message>
        <source>The passphrase that opens the vault now.</source>
        <translation>目前用來開啟保險庫的密碼短語。</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新的密碼短語</translation>
    </message>
    <message>
        <source>The passphrase to use from now on.</source>
        <translation>從現在起要使用的密碼短語。</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>再次輸入新的密碼短語</translation>
    </message>
    <message>
        <source>Type the new passphrase again.</source>
        <translation>請再輸入一次新的密碼短語。</translation>
    </message>
    <message>
        <source>C&amp;urrent:</source>
        <translation>目前(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New:</source>
        <translation>新的(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次輸入(&amp;R)：</translation>
    </message>
    <message>
        <source>Enter a new passphrase.</source>
        <translation>請輸入新的密碼短語。</translation>
    </message>
    <message>
        <source>The two new passphrases do not match.</source>
        <translation>兩次輸入的新密碼短語不一致。</translation>
    </message>
    <message>
        <source>Measuring how fast this computer guesses…</source>
        <translation>正在測量這台電腦的猜測速度…</translation>
    </message>
</context>
<context>
    <name>ContactEditor</name>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
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
        <translation>類型</translation>
    </message>
    <message>
        <source>Phone, email or messenger.</source>
        <translation>電話、電子郵件或通訊軟體。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The name you know this person by.</source>
        <translation>你平常稱呼這個人的名字。</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Group, employer or collective.</source>
        <translation>團體、雇主或集體組織。</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>For example medic, driver or lawyer.</source>
        <translation>例如醫護、司機或律師。</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Tags, separated by commas.</source>
        <translation>標籤，以半形逗號（,）分隔。</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>標籤，以半形逗號（,）分隔</translation>
    </message>
    <message>
        <source>Age public key</source>
        <translation>Age 公鑰</translation>
    </message>
    <message>
        <source>Their bundle key (age1…), from My bundle key in their Hushnote. Lets you send bundles to this person.</source>
        <translation>對方的加密包金鑰（age1…），來自其 Hushnote 中的「我的加密包金鑰」。有了它，你就能傳送加密包給這個人。</translation>
    </message>
    <message>
        <source>age1… (optional: to send them bundles)</source>
        <translation>age1…（選填：用於傳送加密包給對方）</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>金鑰指紋</translation>
    </message>
    <message>
        <source>Read it to them over the phone: their My bundle key shows the same digits.</source>
        <translation>在電話裡念給對方聽：他們的「我的加密包金鑰」會顯示同樣的數字。</translation>
    </message>
    <message>
        <source>Notes about this person</source>
        <translation>關於這個人的備註</translation>
    </message>
    <message>
        <source>Free text, kept encrypted like everything else.</source>
        <translation>自由輸入的文字，和其他所有內容一樣加密保存。</translation>
    </message>
    <message>
        <source>Phones, emails and handles</source>
        <translation>電話、電子郵件與帳號</translation>
    </message>
    <message>
        <source>One row each: kind, label and value. F2 edits a cell.</source>
        <translation>每列一筆：類型、標示和內容。按 F2 可編輯儲存格。</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>標示</translation>
    </message>
    <message>
        <source>Number, address or handle</source>
        <translation>號碼、地址或帳號</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Add a phone, email or handle</source>
        <translation>新增電話、電子郵件或帳號</translation>
    </message>
    <message>
        <source>Adds an empty row to the table.</source>
        <translation>在表格中加入一個空白列。</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected phone, email or handle</source>
        <translation>移除選取的電話、電子郵件或帳號</translation>
    </message>
    <message>
        <source>Deletes the selected row when the contact is saved.</source>
        <translation>儲存聯絡人時，會刪除選取的這一列。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected value</source>
        <translation>複製選取的內容</translation>
    </message>
    <message>
        <source>The clipboard is cleared again after a short time.</source>
        <translation>剪貼簿會在短時間後自動清除。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Save this contact (Ctrl+S).</source>
        <translation>儲存這位聯絡人（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Linked notes</source>
        <translation>連結的筆記</translation>
    </message>
    <message>
        <source>Notes that mention this person; Enter opens.</source>
        <translation>提到這個人的筆記；按 Enter 開啟。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>組織(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>標籤(&amp;G)：</translation>
    </message>
    <message>
        <source>Age &amp;key:</source>
        <translation>Age 金鑰(&amp;K)：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>備註：</translation>
    </message>
    <message>
        <source>Linked notes:</source>
        <translation>連結的筆記：</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Lists: </source>
        <translation>名單：</translation>
    </message>
    <message>
        <source>No key: bundles to this person need a passphrase.</source>
        <translation>沒有金鑰：給這個人的加密包需要使用密碼短語。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指紋：%1</translation>
    </message>
    <message>
        <source>Copied; the clipboard clears itself soon.</source>
        <translation>已複製；剪貼簿稍後會自動清除。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>尚未儲存</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Find a contact</source>
        <translation>尋找聯絡人</translation>
    </message>
    <message>
        <source>Narrows the list below as you type.</source>
        <translation>輸入時會篩選下方的清單。</translation>
    </message>
    <message>
        <source>Type part of a name, number or handle</source>
        <translation>輸入部分姓名、號碼或帳號</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Choose one; Enter confirms.</source>
        <translation>選擇一位；按 Enter 確認。</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <source>Creating the vault</source>
        <translation>正在建立保險庫</translation>
    </message>
    <message>
        <source>Getting ready</source>
        <translation>正在準備</translation>
    </message>
    <message>
        <source>Create your vault</source>
        <translation>建立你的保險庫</translation>
    </message>
    <message>
        <source>Set up {app}</source>
        <translation>設定 {app}</translation>
    </message>
    <message>
        <source>Your passphrase encrypts everything {app} keeps on this computer. Nobody can recover it: if you forget it, your notes are gone.</source>
        <translation>你的密碼短語會加密 {app} 在這部電腦上保存的所有內容。沒有人能找回密碼短語：一旦忘記，你的筆記就再也無法開啟。</translation>
    </message>
    <message>
        <source>Choose a password for {app}. Nobody can recover it: if you forget it, your notes are gone.</source>
        <translation>請為 {app} 設定一個密碼。沒有人能找回密碼：一旦忘記，你的筆記就再也無法開啟。</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新的密碼短語</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新的密碼</translation>
    </message>
    <message>
        <source>Choose a long passphrase; the meter below rates it.</source>
        <translation>請選擇較長的密碼短語；下方的強度計會為它評分。</translation>
    </message>
    <message>
        <source>Choose a long password; the meter below rates it.</source>
        <translation>請選擇較長的密碼；下方的強度計會為它評分。</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>再次輸入密碼短語</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>再次輸入密碼</translation>
    </message>
    <message>
        <source>Type the same passphrase again.</source>
        <translation>請再輸入一次相同的密碼短語。</translation>
    </message>
    <message>
        <source>Type the same password again.</source>
        <translation>請再輸入一次相同的密碼。</translation>
    </message>
    <message>
        <source>&amp;Suggest a passphrase</source>
        <translation>建議密碼短語(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Suggest a password</source>
        <translation>建議密碼(&amp;S)</translation>
    </message>
    <message>
        <source>Suggest a passphrase</source>
        <translation>建議密碼短語</translation>
    </message>
    <message>
        <source>Suggest a password</source>
        <translation>建議密碼</translation>
    </message>
    <message>
        <source>Fill both fields with a random passphrase from the chosen list, and show it.</source>
        <translation>用所選列表中的隨機密碼短語填入兩個欄位，並顯示出來。</translation>
    </message>
    <message>
        <source>Fill both fields with a random password from the chosen list, and show it.</source>
        <translation>用所選列表中的隨機密碼填入兩個欄位，並顯示出來。</translation>
    </message>
    <message>
        <source>English words</source>
        <translation>英文單字</translation>
    </message>
    <message>
        <source>Chinese characters (simplified)</source>
        <translation>漢字（簡體）</translation>
    </message>
    <message>
        <source>Chinese characters (traditional)</source>
        <translation>漢字（繁體）</translation>
    </message>
    <message>
        <source>Suggest from</source>
        <translation>建議來源</translation>
    </message>
    <message>
        <source>Six English words or seven Chinese characters: at least 77 bits either way.</source>
        <translation>六個英文單字或七個漢字：兩者都至少有 77 位元熵。</translation>
    </message>
    <message>
        <source>Suggested password</source>
        <translation>建議的密碼</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Set the password and start; this takes a few seconds.</source>
        <translation>設定密碼並開始；需要幾秒鐘。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Suggest &amp;from:</source>
        <translation>建議來源(&amp;F)：</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 位元</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>正在準備…</translation>
    </message>
    <message>
        <source>Type it with an input method that keeps no history and does not look words up online, or choose English words.</source>
        <translation>請用不保留輸入記錄、也不連網查詞的輸入法輸入它，或者改選英文單字。</translation>
    </message>
    <message>
        <source>Measuring how fast this computer guesses…</source>
        <translation>正在測量這台電腦的猜測速度…</translation>
    </message>
    <message>
        <source>Suggested passphrase</source>
        <translation>建議的密碼短語</translation>
    </message>
    <message>
        <source>Strength of the suggestion</source>
        <translation>建議的強度</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>建立保險庫(&amp;C)</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>建立保險庫</translation>
    </message>
    <message>
        <source>Create the encrypted vault; this takes a few seconds.</source>
        <translation>建立加密保險庫；需要幾秒鐘。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>密碼短語(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次輸入(&amp;R)：</translation>
    </message>
    <message>
        <source>Learn it by heart. Until you are sure of it, keep a written copy away from this computer, never in the same bag, and tear it up once learned. If you forget it, your notes are gone: nobody can recover them.</source>
        <translation>請把它背下來。在確定記牢之前，可以把抄寫的副本放在遠離這台電腦的地方，絕不要和電腦放在同一個包包裡；記住後就把它撕掉。如果忘記了，你的筆記就沒了：沒有人能復原。</translation>
    </message>
    <message>
        <source>Measuring this computer and creating the vault…</source>
        <translation>正在測量這部電腦的效能並建立保險庫…</translation>
    </message>
</context>
<context>
    <name>DuressDialog</name>
    <message>
        <source>Duress passphrase</source>
        <translation>脅迫密碼短語</translation>
    </message>
    <message>
        <source>If someone forces you to unlock, type the duress passphrase instead. {app} will look as if it unlocked, show only the harmless notes below, and destroy everything else. Nothing on this computer shows that a duress passphrase is set. Setting one replaces any earlier one.</source>
        <translation>如果有人強迫你解鎖，請改為輸入脅迫密碼短語。{app} 看起來會像已經解鎖，但只會顯示下方無害的筆記，並銷毀其他所有內容。這部電腦上沒有任何跡象顯示設有脅迫密碼短語。設定新的脅迫密碼短語會取代先前設定的。</translation>
    </message>
    <message>
        <source>Before you set one:</source>
        <translation>設定之前請注意：</translation>
    </message>
    <message>
        <source>Your real passphrase</source>
        <translation>你真正的密碼短語</translation>
    </message>
    <message>
        <source>The passphrase that opens this vault now, to confirm it is you.</source>
        <translation>目前用來開啟這個保險庫的密碼短語，用來確認是你本人。</translation>
    </message>
    <message>
        <source>Typed at the unlock screen, it destroys the vault and opens the decoy.</source>
        <translation>在解鎖畫面輸入時，會銷毀保險庫並開啟誘餌保險庫。</translation>
    </message>
    <message>
        <source>Repeat the duress passphrase</source>
        <translation>再次輸入脅迫密碼短語</translation>
    </message>
    <message>
        <source>Type the duress passphrase again.</source>
        <translation>請再輸入一次脅迫密碼短語。</translation>
    </message>
    <message>
        <source>Decoy notes</source>
        <translation>誘餌筆記</translation>
    </message>
    <message>
        <source>Harmless notes the decoy vault shows; separate notes with a line of ---.</source>
        <translation>誘餌保險庫會顯示的無害筆記；筆記之間以一行 --- 分隔。</translation>
    </message>
    <message>
        <source>Shopping list
milk, bread
---
Book club
Chapter 4 on Thursday</source>
        <translation>購物清單
牛奶、麵包
---
讀書會
星期四讀第 4 章</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>&amp;Set duress passphrase</source>
        <translation>設定脅迫密碼短語(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove any duress passphrase</source>
        <translation>移除脅迫密碼短語(&amp;R)</translation>
    </message>
    <message>
        <source>Set duress passphrase</source>
        <translation>設定脅迫密碼短語</translation>
    </message>
    <message>
        <source>Save this duress passphrase and these decoy notes.</source>
        <translation>儲存這個脅迫密碼短語與這些誘餌筆記。</translation>
    </message>
    <message>
        <source>Remove any duress passphrase</source>
        <translation>移除脅迫密碼短語</translation>
    </message>
    <message>
        <source>After this, only the real passphrase opens the vault.</source>
        <translation>移除後，只有真正的密碼短語能開啟保險庫。</translation>
    </message>
    <message>
        <source>Your real &amp;passphrase:</source>
        <translation>你真正的密碼短語(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase:</source>
        <translation>脅迫密碼短語(&amp;D)：</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>再次輸入(&amp;E)：</translation>
    </message>
    <message>
        <source>Decoy &amp;notes:</source>
        <translation>誘餌筆記(&amp;N)：</translation>
    </message>
    <message>
        <source>Never try it on this vault: typing it at the unlock screen destroys your real notes. Rehearse on a test vault.</source>
        <translation>切勿在這個保險庫上試用：在解鎖畫面輸入它會銷毀你真正的筆記。請在測試保險庫上演練。</translation>
    </message>
    <message>
        <source>It cannot reach a copy: if this disk was copied before, the copy still opens with your real passphrase.</source>
        <translation>它無法觸及副本：如果這顆磁碟先前已被複製，副本仍可用你真正的密碼短語開啟。</translation>
    </message>
    <message>
        <source>Using it may be illegal where you are: it can count as lying to the authorities or destroying evidence. Find out before you rely on it.</source>
        <translation>在你所在的地方，使用它可能違法：可能被視為欺騙執法人員或銷毀證據。依賴它之前請先了解清楚。</translation>
    </message>
    <message>
        <source>%1% of the room for decoy notes used</source>
        <translation>誘餌筆記的空間已使用 %1%</translation>
    </message>
    <message>
        <source>Enter your real passphrase first.</source>
        <translation>請先輸入你真正的密碼短語。</translation>
    </message>
    <message>
        <source>Enter a duress passphrase.</source>
        <translation>請輸入脅迫密碼短語。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>兩次輸入的密碼短語不一致。</translation>
    </message>
    <message>
        <source>The decoy notes are too long; shorten them.</source>
        <translation>誘餌筆記太長，請縮短。</translation>
    </message>
    <message>
        <source>That is not this vault&apos;s real passphrase, so nothing was changed. Type your real passphrase again.</source>
        <translation>這不是這個保險庫真正的密碼短語，因此沒有做任何變更。請重新輸入你真正的密碼短語。</translation>
    </message>
</context>
<context>
    <name>EndTravelDialog</name>
    <message>
        <source>End travel</source>
        <translation>結束出行</translation>
    </message>
    <message>
        <source>Choose the bundle you brought back. Everything in it comes back into this vault and is merged: nothing here or in the bundle is lost.</source>
        <translation>請選擇你帶回的加密包。其中的一切都會回到這個保險庫並合併：這裡和加密包中的內容都不會遺失。</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>加密包檔案</translation>
    </message>
    <message>
        <source>The travel bundle to bring back.</source>
        <translation>要帶回的出行加密包。</translation>
    </message>
    <message>
        <source>&amp;Bundle:</source>
        <translation>加密包(&amp;B)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the bundle</source>
        <translation>選擇加密包</translation>
    </message>
    <message>
        <source>Opens a file dialog that remembers no folders.</source>
        <translation>開啟一個不記錄任何資料夾的檔案對話框。</translation>
    </message>
    <message>
        <source>What this file is</source>
        <translation>這是什麼檔案</translation>
    </message>
    <message>
        <source>Travel key</source>
        <translation>出行金鑰</translation>
    </message>
    <message>
        <source>The words you wrote down when travel started; hidden as you type.</source>
        <translation>開始出行時你抄下的單字；輸入時會隱藏。</translation>
    </message>
    <message>
        <source>Travel &amp;key:</source>
        <translation>出行金鑰(&amp;K)：</translation>
    </message>
    <message>
        <source>Why travel has not ended</source>
        <translation>出行為何尚未結束</translation>
    </message>
    <message>
        <source>&amp;End travel</source>
        <translation>結束出行(&amp;E)</translation>
    </message>
    <message>
        <source>Open the bundle, check it, and merge it back into this vault.</source>
        <translation>開啟加密包，檢查它，並把它合併回這個保險庫。</translation>
    </message>
    <message>
        <source>Choose the travel bundle</source>
        <translation>選擇出行加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>This bundle was encrypted again to this vault&apos;s own key: it opens without the travel key.</source>
        <translation>這個加密包已重新加密到本保險庫自己的金鑰：不需出行金鑰即可開啟。</translation>
    </message>
    <message>
        <source>This bundle opens with its travel key. Type the words below.</source>
        <translation>這個加密包需要用出行金鑰開啟。請在下面輸入那些單字。</translation>
    </message>
    <message>
        <source>This bundle does not open with this vault&apos;s key. If it is a large travel bundle, put its key file %1 back in the same folder. Otherwise it was encrypted to someone else&apos;s key.</source>
        <translation>此加密包無法用這個保險庫的金鑰開啟。如果它是一個大型出行加密包，請把它的金鑰檔 %1 放回同一個資料夾。否則，它是用別人的金鑰加密的。</translation>
    </message>
    <message>
        <source>Choose the bundle you brought back.</source>
        <translation>請選擇你帶回的加密包。</translation>
    </message>
    <message>
        <source>Type the travel key&apos;s words, or press Cancel.</source>
        <translation>請輸入出行金鑰的單字，或按「取消」。</translation>
    </message>
    <message>
        <source>Those words do not open this bundle. Check each word against your copy and try again. If they are right, the file may have been changed or cut short.</source>
        <translation>這些單字打不開這個加密包。請對照你抄下的內容逐一檢查後再試一次。如果單字無誤，檔案可能被改動過或不完整。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>匯出加密包</translation>
    </message>
    <message>
        <source>Colleagues&apos; public keys, one per line</source>
        <translation>同事的公開金鑰，每行一個</translation>
    </message>
    <message>
        <source>Each starts with age1; a colleague gets theirs from Bundles, My bundle key.</source>
        <translation>每個金鑰都以 age1 開頭；同事可從「加密包」選單的「我的加密包金鑰」取得自己的金鑰。</translation>
    </message>
    <message>
        <source>Also this vault&apos;s own key</source>
        <translation>也加入這個保險庫自己的金鑰</translation>
    </message>
    <message>
        <source>Lets this same vault open it again; a new vault cannot.</source>
        <translation>讓這個保險庫日後也能開啟這個加密包；新建的保險庫無法開啟。</translation>
    </message>
    <message>
        <source>With a &amp;passphrase</source>
        <translation>使用密碼短語(&amp;P)</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>匯出內容</translation>
    </message>
    <message>
        <source>The whole vault or a part.</source>
        <translation>整個保險庫或其中一部分。</translation>
    </message>
    <message>
        <source>The whole vault (not the trash)</source>
        <translation>整個保險庫（不含資源回收筒）</translation>
    </message>
    <message>
        <source>A notebook</source>
        <translation>一個筆記本</translation>
    </message>
    <message>
        <source>Notes with a tag</source>
        <translation>帶有某個標籤的筆記</translation>
    </message>
    <message>
        <source>A contact list and its contacts</source>
        <translation>一個聯絡人名單及其聯絡人</translation>
    </message>
    <message>
        <source>The selected note</source>
        <translation>選取的筆記</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>哪一個</translation>
    </message>
    <message>
        <source>The notebook, tag or list to export.</source>
        <translation>要匯出的筆記本、標籤或名單。</translation>
    </message>
    <message>
        <source>Also the notes&apos; earlier &amp;versions</source>
        <translation>同時包括筆記的較早版本(&amp;V)</translation>
    </message>
    <message>
        <source>Include note history</source>
        <translation>包括筆記歷史紀錄</translation>
    </message>
    <message>
        <source>Off unless ticked: earlier versions can hold text that was edited out of the notes.</source>
        <translation>除非勾選，否則不包括：較早版本可能含有已從筆記中刪掉的文字。</translation>
    </message>
    <message>
        <source>To a &amp;contact</source>
        <translation>給聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>To a contact</source>
        <translation>給聯絡人</translation>
    </message>
    <message>
        <source>Only that colleague&apos;s vault (and yours, if ticked) can open the bundle.</source>
        <translation>只有這位同事的保險庫（若已勾選，還有你的）能開啟這個加密包。</translation>
    </message>
    <message>
        <source>To a &amp;key</source>
        <translation>給公鑰(&amp;K)</translation>
    </message>
    <message>
        <source>To a pasted key</source>
        <translation>給貼上的公鑰</translation>
    </message>
    <message>
        <source>Only the holders of the keys pasted below can open the bundle.</source>
        <translation>只有下方所貼上金鑰的持有人才能開啟這個加密包。</translation>
    </message>
    <message>
        <source>With a passphrase</source>
        <translation>使用密碼短語</translation>
    </message>
    <message>
        <source>Anyone with the passphrase can open the bundle; send it another way.</source>
        <translation>任何知道密碼短語的人都能開啟這個加密包；請透過其他管道傳送密碼短語。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Contacts that hold an age key; add one in the contact&apos;s Age key field.</source>
        <translation>儲存了 age 金鑰的聯絡人；可在聯絡人的 Age 金鑰欄位中加入。</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>金鑰指紋</translation>
    </message>
    <message>
        <source>Ask them to read theirs from My bundle key: the digits must match.</source>
        <translation>請對方從「我的加密包金鑰」中念出他們的指紋：數字必須一致。</translation>
    </message>
    <message>
        <source>No contact has an age key yet. Paste their key into the contact&apos;s Age key field, or use To a key.</source>
        <translation>還沒有聯絡人儲存了 age 金鑰。請把對方的金鑰貼到聯絡人的 Age 金鑰欄位中，或改用「給公鑰」。</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>聯絡人(&amp;O)：</translation>
    </message>
    <message>
        <source>Before the first bundle, ask them to read their fingerprint from Bundles, My bundle key: the digits must match.</source>
        <translation>傳送第一個加密包之前，請對方從「加密包 ▸ 我的加密包金鑰」中念出他們的指紋：數字必須一致。</translation>
    </message>
    <message>
        <source>Key fingerprints</source>
        <translation>金鑰指紋</translation>
    </message>
    <message>
        <source>Compare each with the one its owner reads from My bundle key.</source>
        <translation>逐一與金鑰主人從「我的加密包金鑰」中念出的指紋核對。</translation>
    </message>
    <message>
        <source>Ke&amp;ys:</source>
        <translation>金鑰(&amp;Y)：</translation>
    </message>
    <message>
        <source>Bundle passphrase</source>
        <translation>加密包密碼短語</translation>
    </message>
    <message>
        <source>The passphrase that will open the bundle.</source>
        <translation>用來開啟這個加密包的密碼短語。</translation>
    </message>
    <message>
        <source>Repeat the bundle passphrase</source>
        <translation>再次輸入加密包密碼短語</translation>
    </message>
    <message>
        <source>Type the bundle passphrase again.</source>
        <translation>請再輸入一次加密包密碼短語。</translation>
    </message>
    <message>
        <source>Passphr&amp;ase:</source>
        <translation>密碼短語(&amp;A)：</translation>
    </message>
    <message>
        <source>Also &amp;this vault&apos;s own key</source>
        <translation>也加入這個保險庫自己的金鑰(&amp;T)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存為</translation>
    </message>
    <message>
        <source>The file name gives nothing away: only the date.</source>
        <translation>檔名不透露任何內容：只有日期。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>Opens a file chooser.</source>
        <translation>開啟檔案選擇器。</translation>
    </message>
    <message>
        <source>The bundle opens with Hushnote or with the standard age tool (age -d). Nothing unencrypted is written to disk.</source>
        <translation>這個加密包可以用 Hushnote 或標準的 age 工具（age -d）開啟。不會有任何未加密的內容寫入磁碟。</translation>
    </message>
    <message>
        <source>Also send the person these notes &amp;link to</source>
        <translation>同時傳送這些筆記連結的那個人(&amp;L)</translation>
    </message>
    <message>
        <source>Also send the %1 people these notes &amp;link to</source>
        <translation>同時傳送這些筆記連結的 %1 個人(&amp;L)</translation>
    </message>
    <message>
        <source>Unticked, the bundle holds no one&apos;s name, phone or handle: only which notes link to whom, kept by a receiver who already has those contacts.</source>
        <translation>不勾選時，加密包中不含任何人的姓名、電話或帳號：只記錄哪些筆記連結了誰，已有這些聯絡人的接收方會保留這些連結。</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1（金鑰 %2）</translation>
    </message>
    <message>
        <source>Choose a file to save the bundle to.</source>
        <translation>請選擇儲存加密包的檔案。</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>該資料夾不存在。</translation>
    </message>
    <message>
        <source>A file with that name exists. Replace it?</source>
        <translation>已有同名檔案。要取代它嗎？</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次輸入(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>內容(&amp;W)：</translation>
    </message>
    <message>
        <source>W&amp;hich:</source>
        <translation>哪一個(&amp;H)：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>傳給：</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>另存為(&amp;S)：</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指紋：%1</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>儲存加密包</translation>
    </message>
    <message>
        <source>Bundles (*.hnb *.age)</source>
        <translation>加密包 (*.hnb *.age)</translation>
    </message>
    <message>
        <source>Choose which one to export.</source>
        <translation>請選擇要匯出哪一個。</translation>
    </message>
    <message>
        <source>Select a note in the list first.</source>
        <translation>請先在清單中選取一則筆記。</translation>
    </message>
    <message>
        <source>Choose a contact that has a key, or use To a key.</source>
        <translation>請選擇一位儲存了金鑰的聯絡人，或改用「給公鑰」。</translation>
    </message>
    <message>
        <source>Add at least one key, or include this vault&apos;s own.</source>
        <translation>請至少加入一個金鑰，或加入這個保險庫自己的金鑰。</translation>
    </message>
    <message>
        <source>Enter a passphrase for the bundle.</source>
        <translation>請為加密包輸入密碼短語。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>兩次輸入的密碼短語不一致。</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <extracomment>The widest an image is shown, in pixels: narrower than the window, so no sideways scroll.</extracomment>
        <translation>使用者指南</translation>
    </message>
    <message>
        <source>The guide, to read.</source>
        <translation>使用者指南，供閱讀。</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目錄(&amp;C)</translation>
    </message>
    <message>
        <source>The user guide is not installed. It is docs/user-guide.md in the source.</source>
        <translation>未安裝使用者指南。它在原始碼的 docs/user-guide.md 中。</translation>
    </message>
    <message>
        <source>Not part of the guide in the app: %1</source>
        <translation>不屬於應用程式內的指南：%1</translation>
    </message>
    <message>
        <source>Web links are not opened from the app. The address: %1</source>
        <translation>本應用程式不會開啟網頁連結。網址：%1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Earlier versions of this note</source>
        <translation>這則筆記的較早版本</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Close the history</source>
        <translation>關閉歷史紀錄</translation>
    </message>
    <message>
        <source>Back to the note&apos;s text (Escape or Ctrl+Shift+H).</source>
        <translation>回到筆記正文（Escape 或 Ctrl+Shift+H）。</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>較早版本</translation>
    </message>
    <message>
        <source>Newest first. Arrows choose a version to compare with the current text; Enter restores it.</source>
        <translation>最新的在最前。用方向鍵選擇一個版本與目前文字比較；按 Enter 還原該版本。</translation>
    </message>
    <message>
        <source>No earlier versions</source>
        <translation>沒有較早版本</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比較結果</translation>
    </message>
    <message>
        <source>Changes since this version</source>
        <translation>此版本之後的變更</translation>
    </message>
    <message>
        <source>Read-only. Lines starting with + are in the current text only; lines starting with - were in this version only.</source>
        <translation>唯讀。以 + 開頭的行只在目前文字中；以 - 開頭的行只在此版本中。</translation>
    </message>
    <message>
        <source>Re&amp;store this version</source>
        <translation>還原此版本(&amp;S)</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>還原此版本</translation>
    </message>
    <message>
        <source>Make this version the note&apos;s text; the current text is kept as a version first, so a restore can be undone.</source>
        <translation>把此版本設為筆記的正文；目前文字會先保存為一個版本，所以還原可以復原。</translation>
    </message>
    <message>
        <source>&amp;Delete this note&apos;s history…</source>
        <translation>刪除這則筆記的歷史紀錄(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete this note&apos;s history</source>
        <translation>刪除這則筆記的歷史紀錄</translation>
    </message>
    <message>
        <source>Erase every earlier version of this note for good; the note stays.</source>
        <translation>永久清除這則筆記的所有較早版本；筆記本身保留。</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>歷史紀錄狀態</translation>
    </message>
    <message>
        <source>Waiting for the running task to finish…</source>
        <translation>正在等待目前的工作完成…</translation>
    </message>
    <message>
        <source>Note history is off: turn it on in Vault ▸ Settings.</source>
        <translation>筆記歷史紀錄已關閉：請在「保險庫 ▸ 設定」中開啟。</translation>
    </message>
    <message>
        <source>No earlier versions yet. While you edit, a version is kept every few minutes, and before every restore, bundle import and shared-notebook change.</source>
        <translation>還沒有較早版本。編輯時每隔幾分鐘會保存一個版本；每次還原、匯入加密包和共用筆記本發生變更之前也會保存。</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 個字元</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>Title in this version: %1</source>
        <translation>此版本的標題：%1</translation>
    </message>
    <message>
        <source>Comparing with the current text…</source>
        <translation>正在與目前文字比較…</translation>
    </message>
    <message>
        <source>The text of this version is the same as now.</source>
        <translation>此版本的正文與現在相同。</translation>
    </message>
    <message>
        <source>Since this version: %1, %2.</source>
        <translation>自此版本以來：%1，%2。</translation>
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
            <numerusform>刪除 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Restored. The text it replaced is now the newest version in the list: restore that one to undo.</source>
        <translation>已還原。被取代的文字現在是清單中最新的版本：還原它即可復原。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) deleted for good.</source>
        <translation>
            <numerusform>已永久刪除 %n 個較早版本。</numerusform>
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
        <translation>按住 %1 秒即可銷毀</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>My bundle key</source>
        <translation>我的加密包金鑰</translation>
    </message>
    <message>
        <source>Colleagues export bundles to this public key; only this vault can open them. It is safe to share.</source>
        <translation>同事可以用這個公開金鑰匯出加密包給你；只有這個保險庫能開啟。這個金鑰可以放心分享。</translation>
    </message>
    <message>
        <source>This vault&apos;s public key</source>
        <translation>這個保險庫的公開金鑰</translation>
    </message>
    <message>
        <source>Safe to share: colleagues export bundles to it.</source>
        <translation>可以放心分享：同事會用它匯出加密包給你。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>複製(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the public key</source>
        <translation>複製公開金鑰</translation>
    </message>
    <message>
        <source>Puts the public key on the clipboard.</source>
        <translation>將公開金鑰複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指紋：%1</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>金鑰指紋</translation>
    </message>
    <message>
        <source>Read it to a colleague who adds your key: their screen shows the same.</source>
        <translation>念給要加入你金鑰的同事聽：他們的螢幕上會顯示同樣的內容。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a bundle</source>
        <translation>匯入加密包</translation>
    </message>
    <message>
        <source>Everything in this bundle is already in this vault, as new or newer. Importing it would change nothing.</source>
        <translation>此加密包中的所有內容都已在本保險庫中，且版本相同或更新。匯入它不會造成任何變更。</translation>
    </message>
    <message>
        <source>Importing it would make these changes to this vault. Nothing has been changed yet.</source>
        <translation>匯入後，本保險庫將有以下變更。目前尚未做任何變更。</translation>
    </message>
    <message numerus="yes">
        <source>This bundle renames %n contact(s) that have a saved key. Importing removes those keys: check with each person, then enter their key again.</source>
        <translation>
            <numerusform>此加密包會替 %n 位已儲存金鑰的聯絡人改名。匯入會刪除這些金鑰：請與每個人確認，然後再次輸入他們的金鑰。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes and contacts that would be added or updated</source>
        <translation>將新增或更新的筆記與聯絡人</translation>
    </message>
    <message>
        <source>Titles and names from the bundle; shown here only.</source>
        <translation>來自加密包的標題與姓名，只在這裡顯示。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Merge the bundle into this vault as shown.</source>
        <translation>依上方所示將加密包合併到本保險庫。</translation>
    </message>
    <message>
        <source>&amp;Would be added or updated:</source>
        <translation>將新增或更新(&amp;W)：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Contact lists</source>
        <translation>聯絡人名單</translation>
    </message>
    <message>
        <source>Links between notes and contacts</source>
        <translation>筆記與聯絡人之間的連結</translation>
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
        <translation>不變</translation>
    </message>
    <message>
        <source>What the import would change</source>
        <translation>匯入將造成的變更</translation>
    </message>
    <message>
        <source>For notes, contacts, lists, links and attached files: how many are new, updated or unchanged.</source>
        <translation>筆記、聯絡人、名單、連結與附件中，各有多少是新增、更新或不變的。</translation>
    </message>
    <message>
        <source>New tags: %1. New notebooks: %2.</source>
        <translation>新標籤：%1。新筆記本：%2。</translation>
    </message>
    <message>
        <source>New note: %1</source>
        <translation>新筆記：%1</translation>
    </message>
    <message>
        <source>Updated note: %1</source>
        <translation>更新的筆記：%1</translation>
    </message>
    <message>
        <source>New contact: %1</source>
        <translation>新聯絡人：%1</translation>
    </message>
    <message>
        <source>Updated contact: %1</source>
        <translation>更新的聯絡人：%1</translation>
    </message>
    <message>
        <source>%1 → %2: the saved key will be removed</source>
        <translation>%1 → %2：已儲存的金鑰將被刪除</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…還有 %1 項</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <source>Invite a colleague</source>
        <translation>邀請同事</translation>
    </message>
    <message>
        <source>Another key (paste it below)</source>
        <translation>其他金鑰（貼在下方）</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>A contact whose age key is saved, or another key.</source>
        <translation>已儲存 age 金鑰的聯絡人，或其他金鑰。</translation>
    </message>
    <message>
        <source>Age key</source>
        <translation>age 金鑰</translation>
    </message>
    <message>
        <source>The colleague&apos;s age public key.</source>
        <translation>同事的 age 公開金鑰。</translation>
    </message>
    <message>
        <source>Name shown to members</source>
        <translation>向成員顯示的名稱</translation>
    </message>
    <message>
        <source>How this member is listed, on every member&apos;s screen.</source>
        <translation>此成員在每位成員螢幕上顯示的名稱。</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>聯絡人：</translation>
    </message>
    <message>
        <source>Age key:</source>
        <translation>age 金鑰：</translation>
    </message>
    <message>
        <source>Name shown to members:</source>
        <translation>向成員顯示的名稱：</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>The contacts on this list; Enter opens one.</source>
        <translation>這份名單上的聯絡人；按 Enter 開啟。</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>新增成員(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a contact to this list</source>
        <translation>將聯絡人加入這份名單</translation>
    </message>
    <message>
        <source>&amp;Remove member</source>
        <translation>移除成員(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected contact from this list</source>
        <translation>從這份名單移除選取的聯絡人</translation>
    </message>
    <message>
        <source>&amp;Copy all numbers</source>
        <translation>複製所有號碼(&amp;C)</translation>
    </message>
    <message>
        <source>Copy every phone number on this list</source>
        <translation>複製這份名單上的所有電話號碼</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重新命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename this list</source>
        <translation>重新命名這份名單</translation>
    </message>
    <message>
        <source>&amp;Delete list</source>
        <translation>刪除名單(&amp;D)</translation>
    </message>
    <message>
        <source>Delete this list (its contacts stay)</source>
        <translation>刪除這份名單（名單上的聯絡人會保留）</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n number(s); the clipboard clears itself soon.</source>
        <translation>
            <numerusform>已複製 %n 個號碼；剪貼簿稍後會自動清除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>重新命名名單</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>刪除名單</translation>
    </message>
    <message>
        <source>Delete this list? Its contacts stay.</source>
        <translation>要刪除這份名單嗎？名單上的聯絡人會保留。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hold to wipe</source>
        <translation>按住以銷毀</translation>
    </message>
    <message>
        <source>Panic wipe</source>
        <translation>緊急銷毀</translation>
    </message>
    <message>
        <source>Hold for one second to destroy the vault at once. Also: hold %1.</source>
        <translation>按住一秒即可立即銷毀保險庫。也可以按住 %1。</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>保險庫(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>鎖定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Rotate data key…</source>
        <translation>更換資料金鑰(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Duress passphrase…</source>
        <translation>脅迫密碼短語(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;hare a notebook…</source>
        <translation>共用筆記本(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Join a shared notebook…</source>
        <translation>加入共用筆記本(&amp;J)…</translation>
    </message>
    <message>
        <source>Shared notebook &amp;members…</source>
        <translation>共用筆記本成員(&amp;M)…</translation>
    </message>
    <message>
        <source>S&amp;ync shared notebooks now</source>
        <translation>立即同步共用筆記本(&amp;Y)</translation>
    </message>
    <message>
        <source>S&amp;tart travel…</source>
        <translation>開始出行(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;End travel…</source>
        <translation>結束出行(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import from another app…</source>
        <translation>從其他應用程式匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>新增筆記(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s journal entry</source>
        <translation>今天的日記(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;contact</source>
        <translation>新增聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>New &amp;list…</source>
        <translation>新增名單(&amp;L)…</translation>
    </message>
    <message>
        <source>Note &amp;history</source>
        <translation>筆記歷史紀錄(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Delete contact</source>
        <translation>刪除聯絡人(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>搜尋(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>日記(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>筆記(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Contacts</source>
        <translation>聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>T&amp;rash</source>
        <translation>垃圾桶(&amp;R)</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>側邊欄</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清單</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>編輯區</translation>
    </message>
    <message>
        <source>&amp;Bundles</source>
        <translation>加密包(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Export a bundle…</source>
        <translation>匯出加密包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation>匯入加密包(&amp;I)…</translation>
    </message>
    <message>
        <source>My bundle &amp;key…</source>
        <translation>我的加密包金鑰(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>匯入聯絡人(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export contacts (unencrypted)…</source>
        <translation>匯出聯絡人（未加密）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用者指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Travel notes: before a checkpoint</source>
        <translation>出行須知：通過檢查哨之前(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>關於 %1(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>新增名單</translation>
    </message>
    <message>
        <source>Name of the list:</source>
        <translation>名單名稱：</translation>
    </message>
    <message>
        <source>Panic wipe (hold for one second)</source>
        <translation>緊急銷毀（按住一秒）</translation>
    </message>
    <message>
        <source>Show or hide the Markdown preview</source>
        <translation>顯示或隱藏 Markdown 預覽</translation>
    </message>
    <message>
        <source>Attach a file to the note</source>
        <translation>為筆記附加檔案</translation>
    </message>
    <message>
        <source>Save the contact</source>
        <translation>儲存聯絡人</translation>
    </message>
    <message>
        <source>Move between search results</source>
        <translation>在搜尋結果之間移動</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>上 / 下方向鍵</translation>
    </message>
    <message>
        <source>Open a search result</source>
        <translation>開啟搜尋結果</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter 鍵</translation>
    </message>
    <message>
        <source>Open the chosen note, contact or tag</source>
        <translation>開啟所選的筆記、聯絡人或標籤</translation>
    </message>
    <message>
        <source>Enter / Space</source>
        <translation>Enter / 空白鍵</translation>
    </message>
    <message>
        <source>Export contacts (unencrypted)</source>
        <translation>匯出聯絡人（未加密）</translation>
    </message>
    <message>
        <source>No shortcut, on purpose: the Contacts menu</source>
        <translation>刻意不設快捷鍵：請用「聯絡人」選單</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) of notes deleted.</source>
        <translation>
            <numerusform>已刪除 %n 個筆記較早版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新的語言會在下次啟動時生效。</translation>
    </message>
    <message>
        <source>Removing the duress passphrase…</source>
        <translation>正在移除脅迫密碼短語…</translation>
    </message>
    <message>
        <source>No duress passphrase is set now.</source>
        <translation>目前沒有設定脅迫密碼短語。</translation>
    </message>
    <message>
        <source>That contact no longer has a key. Nothing was exported.</source>
        <translation>該聯絡人已沒有金鑰。沒有匯出任何內容。</translation>
    </message>
    <message>
        <source>Setting the duress passphrase…</source>
        <translation>正在設定脅迫密碼短語…</translation>
    </message>
    <message>
        <source>&amp;Change passphrase…</source>
        <translation>變更密碼短語(&amp;C)…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>另存為 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Move note to t&amp;rash</source>
        <translation>將筆記移到垃圾桶(&amp;R)</translation>
    </message>
    <message>
        <source>The duress passphrase is set.</source>
        <translation>已設定脅迫密碼短語。</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>正在變更密碼短語…</translation>
    </message>
    <message>
        <source>The passphrase is changed.</source>
        <translation>密碼短語已變更。</translation>
    </message>
    <message>
        <source>Rotate data key</source>
        <translation>更換資料金鑰</translation>
    </message>
    <message>
        <source>Re-encrypt the whole vault under a new data key? Do this if the old key may have leaked. It can take a while for a large vault.</source>
        <translation>要以新的資料金鑰重新加密整個保險庫嗎？如果舊金鑰可能已經外洩，請執行這項操作。保險庫較大時可能需要一段時間。</translation>
    </message>
    <message>
        <source>Re-encrypting the vault…</source>
        <translation>正在重新加密保險庫…</translation>
    </message>
    <message>
        <source>The vault is re-encrypted under a new data key.</source>
        <translation>保險庫已使用新的資料金鑰重新加密。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>
Hand over both files; the .key file needs the passphrase.</source>
        <translation>
請交付這兩個檔案；.key 檔案需要密碼短語才能開啟。</translation>
    </message>
    <message>
        <source>
Its attached files make it larger than Hushnote can import (5 GiB); the age tool opens it.</source>
        <translation>
其中的附件使它超過了 Hushnote 能匯入的大小（5 GiB）；可以用 age 工具開啟。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n attached file(s).</source>
        <translation>
            <numerusform>已匯出 %n 個附件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>匯入加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Attached files: %1 new, %2 unchanged.</source>
        <translation>附件：新增 %1，不變 %2。</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>匯入聯絡人</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv)</source>
        <translation>聯絡人 (*.vcf *.vcard *.csv)</translation>
    </message>
    <message>
        <source>Importing contacts…</source>
        <translation>正在匯入聯絡人…</translation>
    </message>
    <message>
        <source>Imported %1 contacts. Skipped %2 already in the vault.</source>
        <translation>已匯入 %1 位聯絡人。略過 %2 位已在保險庫中的聯絡人。</translation>
    </message>
    <message>
        <source>%1 entries could not be read and were left out (lines %2).</source>
        <translation>%1 個項目無法讀取，已略過（第 %2 行）。</translation>
    </message>
    <message>
        <source>Unencrypted export</source>
        <translation>未加密匯出</translation>
    </message>
    <message>
        <source>This writes every contact to a file ANYONE can read. Prefer an encrypted bundle to hand contacts over. Continue?</source>
        <translation>這會把所有聯絡人寫入一個「任何人」都能讀取的檔案。要交付聯絡人，建議改用加密包。要繼續嗎？</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>匯出聯絡人</translation>
    </message>
    <message>
        <source>vCard (*.vcf);;CSV (*.csv)</source>
        <translation>vCard (*.vcf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>正在匯出聯絡人…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s).</source>
        <translation>
            <numerusform>已匯出 %n 位聯絡人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to:
%1</source>
        <translation>已儲存至：
%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s).</source>
        <translation>
            <numerusform>已匯出 %n 則筆記。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact list(s).</source>
        <translation>
            <numerusform>已匯出 %n 份聯絡人名單。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n link(s) between notes and contacts.</source>
        <translation>
            <numerusform>已匯出 %n 個筆記與聯絡人之間的連結。</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged.</source>
        <translation>筆記：新增 %1，更新 %2，不變 %3。</translation>
    </message>
    <message>
        <source>Contacts: %1 new, %2 updated, %3 unchanged.</source>
        <translation>聯絡人：新增 %1，更新 %2，不變 %3。</translation>
    </message>
    <message>
        <source>Contact lists: %1 new, %2 updated, %3 unchanged.</source>
        <translation>聯絡人名單：新增 %1，更新 %2，不變 %3。</translation>
    </message>
    <message>
        <source>Links between notes and contacts: %1 new, %2 unchanged.</source>
        <translation>筆記與聯絡人之間的連結：新增 %1，不變 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n renamed contact(s) lost their saved key: check with each person, then enter their key again.</source>
        <translation>
            <numerusform>%n 位改了名的聯絡人失去了已儲存的金鑰：請與每個人確認，然後再次輸入他們的金鑰。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何變更。</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>The note&apos;s title; it is never shown in the window title.</source>
        <translation>筆記的標題；永遠不會顯示在視窗標題列上。</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>筆記本</translation>
    </message>
    <message>
        <source>Choose a notebook or type a new name.</source>
        <translation>選擇筆記本，或輸入新名稱。</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>標籤，以半形逗號（,）分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Tags, separated by commas.</source>
        <translation>標籤，以半形逗號（,）分隔。</translation>
    </message>
    <message>
        <source>&amp;Pinned</source>
        <translation>釘選(&amp;P)</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>釘選</translation>
    </message>
    <message>
        <source>Pinned notes stay at the top of the list.</source>
        <translation>釘選的筆記會固定在清單頂端。</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>筆記內容</translation>
    </message>
    <message>
        <source>Markdown; saved as you type. Tab moves to the next control.</source>
        <translation>Markdown 格式；輸入時自動儲存。按 Tab 移到下一個控制項。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>The note formatted, read-only.</source>
        <translation>套用格式後的筆記，唯讀。</translation>
    </message>
    <message>
        <source>Show the formatted note (Ctrl+Shift+P)</source>
        <translation>顯示套用格式後的筆記（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>歷史(&amp;Y)</translation>
    </message>
    <message>
        <source>Earlier versions of this note, to compare and restore (%1)</source>
        <translation>這則筆記的較早版本，可比較和還原（%1）</translation>
    </message>
    <message>
        <source>Note history</source>
        <translation>筆記歷史紀錄</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>儲存狀態</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <source>This note is in the trash. You can read it; restore it to edit it.</source>
        <translation>這則筆記在垃圾桶裡。你可以閱讀它；還原後才能編輯。</translation>
    </message>
    <message>
        <source>Restore &amp;and edit</source>
        <translation>還原並編輯(&amp;A)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Move this note out of the trash and edit it.</source>
        <translation>將這則筆記移出垃圾桶並編輯。</translation>
    </message>
    <message>
        <source>Linked contacts</source>
        <translation>連結的聯絡人</translation>
    </message>
    <message>
        <source>People this note is about; Enter opens.</source>
        <translation>這則筆記相關的人；按 Enter 開啟。</translation>
    </message>
    <message>
        <source>&amp;Link contact…</source>
        <translation>連結聯絡人(&amp;L)…</translation>
    </message>
    <message>
        <source>Link contact</source>
        <translation>連結聯絡人</translation>
    </message>
    <message>
        <source>Choose a contact this note is about.</source>
        <translation>選擇與這則筆記相關的聯絡人。</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消連結</translation>
    </message>
    <message>
        <source>Unlink contact</source>
        <translation>取消連結聯絡人</translation>
    </message>
    <message>
        <source>Remove the link to the selected contact; the contact stays.</source>
        <translation>移除與選取聯絡人的連結；聯絡人本身會保留。</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>標題(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Notebook:</source>
        <translation>筆記本(&amp;N)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>標籤(&amp;G)：</translation>
    </message>
    <message>
        <source>Linked contacts:</source>
        <translation>連結的聯絡人：</translation>
    </message>
    <message>
        <source>Not restored: a task is running. Try again when it ends.</source>
        <translation>未還原：有工作正在執行。請在它結束後再試。</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已還原</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>在垃圾桶中</translation>
    </message>
    <message>
        <source>Previe&amp;w</source>
        <translation>預覽(&amp;W)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>正在編輯…</translation>
    </message>
    <message>
        <source>Not saved yet: saved when the task ends</source>
        <translation>尚未儲存：工作結束後儲存</translation>
    </message>
    <message>
        <source>Not saved: %1 Your text stays here, and saving is retried.</source>
        <translation>未儲存：%1 您的文字仍保留在這裡，並會自動重試儲存。</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已儲存</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Save as PDF</source>
        <translation>另存為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>正在產生 PDF…</translation>
    </message>
    <message>
        <source>Saved as PDF. It is not encrypted.</source>
        <translation>已另存為 PDF。該檔案沒有加密。</translation>
    </message>
    <message>
        <source>Preparing to print…</source>
        <translation>正在準備列印…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>列印</translation>
    </message>
    <message>
        <source>Nothing was printed. Printing writes the pages to a temporary file first, and this computer has no private folder in memory to keep it off the disk. Save as PDF instead, to a place you choose.</source>
        <translation>沒有列印任何內容。列印會先把頁面寫入一個暫存檔，而這台電腦沒有位於記憶體中的私有資料夾，無法讓它不落到磁碟上。請改為「另存為 PDF」，儲存到你選擇的位置。</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Nothing is marked to stay home yet, so nothing would leave.

To mark a notebook or a contact list: in the sidebar, open its menu (right-click, the Menu key or Shift+F10) and choose “Stays home (travel mode)”. Then start travel again.</source>
        <translation>還沒有任何內容被標記為「留在家中」，所以不會帶走任何東西。

要標記筆記本或聯絡人名單：在側邊欄中開啟它的選單（按右鍵、選單鍵或 Shift+F10），選擇「留在家中（出行模式）」。然後重新開始出行。</translation>
    </message>
    <message>
        <source>Nothing is marked</source>
        <translation>沒有標記任何內容</translation>
    </message>
    <message>
        <source>These are sealed into the bundle, then removed from this laptop, with their notes in the trash, attached files and earlier versions:</source>
        <translation>以下內容會連同其資源回收筒中的筆記、附件和早期版本一起封入加密包，然後從這台筆電上刪除：</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>筆記本</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>資源回收筒中</translation>
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
        <translation>將帶走的筆記本</translation>
    </message>
    <message>
        <source>Each notebook with how many notes, trashed notes, files and versions.</source>
        <translation>每個筆記本及其筆記、資源回收筒中的筆記、附件和版本的數量。</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1（共用）</translation>
    </message>
    <message>
        <source>Contact list</source>
        <translation>聯絡人名單</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>Contact lists that leave</source>
        <translation>將帶走的聯絡人名單</translation>
    </message>
    <message>
        <source>Each list with how many people are on it.</source>
        <translation>每個名單及其中的人數。</translation>
    </message>
    <message>
        <source>These people are on no other list, so they leave too: %1</source>
        <translation>這些人不在其他任何名單上，所以也會被帶走：%1</translation>
    </message>
    <message>
        <source>A shared notebook leaves with its sync state. Nothing is sent to its members, who keep their copies; syncing resumes when travel ends.</source>
        <translation>共用筆記本會連同其同步狀態一起帶走。不會向其成員傳送任何內容，他們保留自己的副本；出行結束後同步會繼續。</translation>
    </message>
</context>
<context>
    <name>SealedBrowser</name>
    <message>
        <source>[image not shown: {name}]</source>
        <extracomment>The most pixels an image may have to be shown: 100 megapixels, 400 MB decoded. Qt&apos;s own limit for one decoded image, in MiB (its default is 256). A text longer than this shows its beginning only. The most pixels one rendered PDF page may have, whatever the zoom. Raster formats only: an SVG may reference other files.</extracomment>
        <translation>[未顯示圖片：{name}]</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search notes and contacts: words, &quot;phrases&quot;, pre*, tag:x</source>
        <translation>搜尋筆記與聯絡人：字詞、&quot;片語&quot;、pre*、tag:x</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, prefix* and tag:name; a minus excludes a word.</source>
        <translation>字詞、&quot;片語&quot;、字首* 與 tag:名稱；在字詞前加上減號可排除該字詞。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Enter opens the chosen result.</source>
        <translation>按 Enter 開啟選取的結果。</translation>
    </message>
    <message>
        <source>Searching when the task ends…</source>
        <translation>工作結束後開始搜尋…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>In %1:</source>
        <translation>位於 %1：</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 筆結果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Off: wrong passphrases are not counted.</source>
        <translation>已關閉：不計算錯誤的密碼短語。</translation>
    </message>
    <message>
        <source>Tries left now: %1</source>
        <translation>目前剩餘次數：%1</translation>
    </message>
    <message>
        <source>Tries left once saved: %1</source>
        <translation>儲存後的剩餘次數：%1</translation>
    </message>
    <message>
        <source>Turn note history off?

Every earlier version of every note is deleted now, for good. This cannot be undone.</source>
        <translation>要關閉筆記歷史紀錄嗎？

所有筆記的全部較早版本都會立即被永久刪除。此操作無法復原。</translation>
    </message>
    <message>
        <source>Keep note history for %1 only?

Earlier versions older than that are deleted now, for good. This cannot be undone.</source>
        <translation>只保留 %1 的筆記歷史紀錄嗎？

比這更早的版本會立即被永久刪除。此操作無法復原。</translation>
    </message>
    <message>
        <source>Keep note history</source>
        <translation>保留筆記歷史紀錄</translation>
    </message>
    <message>
        <source>Delete older history</source>
        <translation>刪除較早的歷史紀錄</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>刪除全部歷史紀錄</translation>
    </message>
    <message>
        <source>Delete every earlier version of every note, for good?

The notes stay as they are now. This cannot be undone.</source>
        <translation>要永久刪除所有筆記的全部較早版本嗎？

筆記維持現在的樣子。此操作無法復原。</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier version(s) deleted for good.</source>
        <translation>
            <numerusform>已永久刪除 %n 個較早版本。</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>閒置達此分鐘數後鎖定</translation>
    </message>
    <message>
        <source>Zero means never; sleep and screen lock always lock.</source>
        <translation>0 表示永不；系統睡眠或鎖定螢幕時一律會鎖定。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Clear copied text after this many seconds</source>
        <translation>複製的文字在此秒數後清除</translation>
    </message>
    <message>
        <source>Anything copied from the vault is removed from the clipboard then.</source>
        <translation>屆時，從保險庫複製的任何內容都會從剪貼簿移除。</translation>
    </message>
    <message>
        <source> wrong passphrases</source>
        <translation> 次錯誤的密碼短語</translation>
    </message>
    <message>
        <source>Wipe after this many wrong passphrases in a row</source>
        <translation>連續輸入錯誤密碼短語達此次數後銷毀</translation>
    </message>
    <message>
        <source>Counted on this computer only: it does not stop someone who copied the disk.</source>
        <translation>只在這部電腦上計算：無法阻止已經複製磁碟的人。</translation>
    </message>
    <message>
        <source>Wrong passphrases left before the wipe</source>
        <translation>銷毀前剩餘的錯誤密碼短語次數</translation>
    </message>
    <message>
        <source>How long earlier versions of notes are kept in the vault. A shorter time deletes older versions when you press OK.</source>
        <translation>筆記的較早版本在保險庫中保留多久。改為更短的時間後，按「確定」時會刪除較早的版本。</translation>
    </message>
    <message>
        <source>Delete all &amp;history…</source>
        <translation>刪除全部歷史紀錄(&amp;H)…</translation>
    </message>
    <message>
        <source>Erase every earlier version of every note now; the notes stay.</source>
        <translation>立即清除所有筆記的全部較早版本；筆記本身保留。</translation>
    </message>
    <message>
        <source>Note history status</source>
        <translation>筆記歷史紀錄狀態</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>Takes effect the next time it starts.</source>
        <translation>下次啟動時生效。</translation>
    </message>
    <message>
        <source>Use a neutral name and icon</source>
        <translation>使用中性的名稱與圖示</translation>
    </message>
    <message>
        <source>Camouflage</source>
        <translation>偽裝</translation>
    </message>
    <message>
        <source>Shows a neutral name and icon in window titles, the task bar and the launcher.</source>
        <translation>在視窗標題、工作列與應用程式啟動器中顯示中性的名稱與圖示。</translation>
    </message>
    <message>
        <source>Hides the name from a glance, not from a search of the disk: the installed program and the vault folder keep their names.</source>
        <translation>只能避免一眼被認出，無法躲過對磁碟的搜查：已安裝的程式與保險庫資料夾仍保留原本的名稱。</translation>
    </message>
    <message>
        <source>Language and camouflage are kept outside the vault, because they are needed before it is unlocked. The language changes at the next start.</source>
        <translation>語言與偽裝設定儲存在保險庫之外，因為解鎖之前就需要用到。語言會在下次啟動時變更。</translation>
    </message>
    <message>
        <source>&amp;Lock when idle for:</source>
        <translation>閒置多久後鎖定(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Clear the clipboard after:</source>
        <translation>多久後清除剪貼簿(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Wipe the vault after:</source>
        <translation>連續幾次後銷毀保險庫(&amp;W)：</translation>
    </message>
    <message>
        <source>Keep note hi&amp;story:</source>
        <translation>保留筆記歷史紀錄(&amp;S)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>語言(&amp;G)：</translation>
    </message>
    <message>
        <source>Ca&amp;mouflage:</source>
        <translation>偽裝(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Each action and the keys that do it.</source>
        <translation>每個動作及其對應的按鍵。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
</context>
<context>
    <name>SpaceActions</name>
    <message>
        <source>A wipe destroys this device&apos;s copy and its keys. It cannot reach colleagues&apos; copies of shared notebooks, nor a sync program&apos;s own version history (Syncthing&apos;s .stversions folder, Nextcloud&apos;s versions).</source>
        <translation>抹除會銷毀這台裝置上的副本及其金鑰，但無法觸及同事手中的共用筆記本副本，也無法觸及同步程式本身的版本歷史（Syncthing 的 .stversions 資料夾、Nextcloud 的版本記錄）。</translation>
    </message>
    <message>
        <source>Share a notebook</source>
        <translation>共用筆記本</translation>
    </message>
    <message>
        <source>Notebook to share (or the name of a new one):</source>
        <translation>要共用的筆記本（或新筆記本的名稱）：</translation>
    </message>
    <message>
        <source>Choose the folder your sync program shares</source>
        <translation>選擇同步程式所共用的資料夾</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>正在共用…</translation>
    </message>
    <message>
        <source>Shared. Invite colleagues from the notebook&apos;s Members window.</source>
        <translation>已共用。請在該筆記本的「成員」視窗中邀請同事。</translation>
    </message>
    <message>
        <source>Open an invitation</source>
        <translation>開啟邀請</translation>
    </message>
    <message>
        <source>Invitations (*.age);;All files (*)</source>
        <translation>邀請 (*.age);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在開啟…</translation>
    </message>
    <message>
        <source>Join the shared notebook “%1”?

The invitation was made with the key whose fingerprint is:

%2

Anyone who knows your key can send you an invitation. Read these digits aloud with the person who invited you, and join only if they match what their app shows.</source>
        <translation>要加入共用筆記本「%1」嗎？

這份邀請是用指紋如下的金鑰製作的：

%2

任何知道你金鑰的人都能寄邀請給你。請和邀請你的人一起把這些數字唸出來，只有和對方 App 裡顯示的一致時才加入。</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>正在加入…</translation>
    </message>
    <message>
        <source>You joined the shared notebook “%1”. The invitation file holds the notebook&apos;s keys: delete it now.</source>
        <translation>你已加入共用筆記本「%1」。邀請檔案裡有這個筆記本的金鑰：請現在就刪除它。</translation>
    </message>
    <message>
        <source>Choose a shared notebook in the sidebar first.</source>
        <translation>請先在側欄中選擇一個共用筆記本。</translation>
    </message>
</context>
<context>
    <name>SpaceMembersDialog</name>
    <message>
        <source>Shared notebook members</source>
        <translation>共用筆記本成員</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指紋</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>Each member&apos;s name, role and key fingerprint.</source>
        <translation>每位成員的名稱、角色和金鑰指紋。</translation>
    </message>
    <message>
        <source>Compare fingerprints aloud, in person or on a call: the digits on your colleague&apos;s screen must be the same as here. If they differ, do not share: someone else&apos;s key may have been given instead.</source>
        <translation>請當面或透過電話大聲核對指紋：同事螢幕上的數字必須與這裡完全相同。如果不同，請不要共用：可能有人換成了別人的金鑰。</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>邀請…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀請</translation>
    </message>
    <message>
        <source>Write an invitation file for a colleague&apos;s key.</source>
        <translation>為同事的金鑰寫一份邀請檔案。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected member; later changes are hidden from them.</source>
        <translation>移除所選成員；之後的變更對其不可見。</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
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
        <translation>成員</translation>
    </message>
    <message>
        <source>This vault</source>
        <translation>此保險庫</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（無名稱）</translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation>儲存邀請</translation>
    </message>
    <message>
        <source>Invitations (*.age);;All files (*)</source>
        <translation>邀請 (*.age);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Inviting…</source>
        <translation>正在邀請…</translation>
    </message>
    <message>
        <source>The invitation is saved to:
%1

Hand it over by any means: only the holder of that key can open it. Then compare this fingerprint aloud with the one their app shows:
%2</source>
        <translation>邀請已儲存到：
%1

可以用任何方式交給對方：只有持有該金鑰的人才能開啟。接著請與對方應用程式顯示的指紋大聲核對：
%2</translation>
    </message>
    <message>
        <source>Remove a member</source>
        <translation>移除成員</translation>
    </message>
    <message>
        <source>Remove %1 from this shared notebook?

Their device keeps everything it already had: what it synced before cannot be taken back.

What is written after the removal is encrypted with a new key that their device does not get, and their later changes are refused.</source>
        <translation>要將 %1 移出此共用筆記本嗎？

其裝置會保留已經擁有的一切：先前同步過去的內容無法收回。

移除之後寫入的內容會以一把新金鑰加密，其裝置拿不到這把金鑰；其之後的變更也會被拒絕。</translation>
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
        <translation>密碼短語強度</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>密碼強度</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>強</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>%n file(s) refused: forged signature</source>
        <translation>已拒絕 %n 個檔案：簽章是偽造的</translation>
    </message>
    <message>
        <source>%n file(s) refused: damaged or not meant for this notebook</source>
        <translation>已拒絕 %n 個檔案：已損壞或不屬於此筆記本</translation>
    </message>
    <message>
        <source>%n file(s) refused: not a change file</source>
        <translation>已拒絕 %n 個檔案：不是變更檔案</translation>
    </message>
    <message>
        <source>%n file(s) refused: a device&apos;s history was rewritten</source>
        <translation>已拒絕 %n 個檔案：某台裝置的歷史遭到改寫</translation>
    </message>
    <message>
        <source>%n file(s) refused: a change only the admin may make</source>
        <translation>已拒絕 %n 個檔案：只有管理員才能做的變更</translation>
    </message>
    <message>
        <source>%n file(s) refused: written by a removed member</source>
        <translation>已拒絕 %n 個檔案：由已移除的成員寫入</translation>
    </message>
    <message>
        <source>%n file(s) refused</source>
        <translation>已拒絕 %n 個檔案</translation>
    </message>
    <message>
        <source>Removed from this shared notebook</source>
        <translation>已被移出此共用筆記本</translation>
    </message>
    <message>
        <source>This vault is older than its shared folder: not publishing</source>
        <translation>此保險庫比其共用資料夾舊：暫不發布變更</translation>
    </message>
    <message>
        <source>Shared folder replaced by a link or a file: not syncing</source>
        <translation>共用資料夾被換成了連結或檔案：已停止同步</translation>
    </message>
    <message>
        <source>The shared folder cannot be written: the disk is full or read-only</source>
        <translation>無法寫入共用資料夾：磁碟已滿或為唯讀</translation>
    </message>
    <message>
        <source>Shared folder missing</source>
        <translation>共用資料夾不見了</translation>
    </message>
    <message>
        <source>Shared notebooks</source>
        <translation>共用筆記本</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>已於 %1 同步</translation>
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
        <translation>正在封裝並檢查加密包…</translation>
    </message>
    <message>
        <source>Opening and merging the bundle…</source>
        <translation>正在開啟並合併加密包…</translation>
    </message>
    <message>
        <source>Notebooks: %1</source>
        <translation>筆記本：%1</translation>
    </message>
    <message>
        <source>Contact lists: %1</source>
        <translation>聯絡人名單：%1</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>筆記：%1</translation>
    </message>
    <message>
        <source>Contacts: %1</source>
        <translation>聯絡人：%1</translation>
    </message>
    <message>
        <source>Attached files: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Travel has ended. Back in this vault:</source>
        <translation>出行已結束。已回到這個保險庫的內容：</translation>
    </message>
    <message>
        <source>This bundle was not made by this vault, so these notebooks came back private, not shared again: %1</source>
        <translation>這個加密包不是由本保險庫製作的，因此這些筆記本以私人筆記本的形式回來，不再共用：%1</translation>
    </message>
    <message>
        <source>Notes written on the road in %1 were moved to %2, a private notebook, so that none reaches its members. Move back the ones that should.</source>
        <translation>出行期間在 %1 中寫下的筆記已移到私人筆記本 %2，因此不會傳給其成員。請把應當共享的筆記移回去。</translation>
    </message>
</context>
<context>
    <name>TravelKeyView</name>
    <message>
        <source>Last word of the travel key</source>
        <translation>出行金鑰的最後一個單字</translation>
    </message>
    <message>
        <source>Type the last word from what you wrote down, to show you have it.</source>
        <translation>輸入你抄下內容中的最後一個單字，以確認你已記下。</translation>
    </message>
    <message>
        <source>Travel key</source>
        <translation>出行金鑰</translation>
    </message>
    <message>
        <source>The words of the one-time travel key, in order.</source>
        <translation>一次性出行金鑰的單字，依序排列。</translation>
    </message>
    <message>
        <source>Travel key as a QR code</source>
        <translation>出行金鑰的 QR 碼</translation>
    </message>
    <message>
        <source>The same words, for a phone&apos;s camera. It holds nothing else.</source>
        <translation>同樣的單字，供手機相機掃描。其中不含其他任何內容。</translation>
    </message>
    <message>
        <source>Type the &amp;last word from your copy:</source>
        <translation>輸入你抄下的最後一個單字(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>TravelWizard</name>
    <message>
        <source>Start travel</source>
        <translation>開始出行</translation>
    </message>
    <message>
        <source>Go back one step; nothing has changed yet.</source>
        <translation>返回上一步；目前什麼都沒有改變。</translation>
    </message>
    <message>
        <source>Go on to the next step; nothing changes yet.</source>
        <translation>進入下一步；目前還不會改變任何內容。</translation>
    </message>
    <message>
        <source>Seal, check and then remove what is marked.</source>
        <translation>封裝、檢查，然後刪除已標記的內容。</translation>
    </message>
    <message>
        <source>Close without changing anything.</source>
        <translation>關閉，不做任何變更。</translation>
    </message>
    <message>
        <source>Close; travel mode stays on.</source>
        <translation>關閉；出行模式維持開啟。</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlocking</source>
        <translation>正在解鎖</translation>
    </message>
    <message>
        <source>{app} is locked</source>
        <translation>{app} 已鎖定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密碼短語</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>The passphrase that opens this vault. Enter unlocks.</source>
        <translation>開啟這個保險庫的密碼短語。按 Enter 解鎖。</translation>
    </message>
    <message>
        <source>Open with this password.</source>
        <translation>用這個密碼開啟。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <source>The password that opens your notes. Enter unlocks.</source>
        <translation>開啟你筆記的密碼。按 Enter 解鎖。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>Open the vault with this passphrase.</source>
        <translation>用這個密碼短語開啟保險庫。</translation>
    </message>
    <message>
        <source>Tries left</source>
        <translation>剩餘次數</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解鎖…</translation>
    </message>
    <message>
        <source>1 try left</source>
        <translation>還剩 1 次</translation>
    </message>
    <message>
        <source>%1 tries left</source>
        <translation>還剩 %1 次</translation>
    </message>
</context>
<context>
    <name>WeakPassphraseDialog</name>
    <message>
        <source>This passphrase is easy to guess.</source>
        <translation>這個密碼短語很容易被猜中。</translation>
    </message>
    <message>
        <source>This password is easy to guess.</source>
        <translation>這個密碼很容易被猜中。</translation>
    </message>
    <message>
        <source>Someone who copies this computer&apos;s disk can try about %1 passphrases a second against this vault (Argon2id with %2 MiB of memory, %3 passes, %4 lanes: timed on this computer, scaled to an attacker&apos;s hardware). On average they would find this one in %5.

Six random words (Suggest a passphrase) would take far longer than a lifetime. Use this passphrase anyway?</source>
        <translation>複製了這台電腦硬碟的人，每秒可以對這個保險庫嘗試約 %1 個密碼短語（Argon2id，%2 MiB 記憶體，%3 輪，%4 條平行通道：在這台電腦上計時，再按攻擊者的硬體換算）。平均而言，他們會在%5內猜中這一個。

六個隨機單字（「建議密碼短語」）所需的時間遠超一生。仍要使用這個密碼短語嗎？</translation>
    </message>
    <message>
        <source>Someone who copies this computer&apos;s disk can try about %1 passwords a second against your notes (Argon2id with %2 MiB of memory, %3 passes, %4 lanes: timed on this computer, scaled to an attacker&apos;s hardware). On average they would find this one in %5.

Six random words (Suggest a password) would take far longer than a lifetime. Use this password anyway?</source>
        <translation>複製了這台電腦硬碟的人，每秒可以對你的筆記嘗試約 %1 個密碼（Argon2id，%2 MiB 記憶體，%3 輪，%4 條平行通道：在這台電腦上計時，再按攻擊者的硬體換算）。平均而言，他們會在%5內猜中這一個。

六個隨機單字（「建議密碼」）所需的時間遠超一生。仍要使用這個密碼嗎？</translation>
    </message>
    <message>
        <source>Choose a &amp;better one</source>
        <translation>換一個更好的(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Use it anyway</source>
        <translation>仍然使用(&amp;U)</translation>
    </message>
    <message>
        <source>Go back and choose a stronger passphrase.</source>
        <translation>返回並選擇一個更強的密碼短語。</translation>
    </message>
    <message>
        <source>Go back and choose a stronger password.</source>
        <translation>返回並選擇一個更強的密碼。</translation>
    </message>
    <message>
        <source>Set this passphrase although it is easy to guess.</source>
        <translation>儘管容易被猜中，仍設定這個密碼短語。</translation>
    </message>
    <message>
        <source>Set this password although it is easy to guess.</source>
        <translation>雖然容易被猜中，仍設定這個密碼。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sections</source>
        <translation>分類</translation>
    </message>
    <message>
        <source>Journal, notes, notebooks, tags, contacts, lists and trash (Alt+1).</source>
        <translation>日記、筆記、筆記本、標籤、聯絡人、名單與垃圾桶（Alt+1）。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 則筆記</numerusform>
        </translation>
    </message>
    <message>
        <source>Items</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>The notes, contacts or tags in this section (Alt+2); Enter opens.</source>
        <translation>這個分類中的筆記、聯絡人或標籤（Alt+2）；按 Enter 開啟。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>A new note or contact here (Ctrl+N).</source>
        <translation>在這裡新增筆記或聯絡人（Ctrl+N）。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>還原(&amp;R)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Move the selected note out of the trash.</source>
        <translation>將選取的筆記移出垃圾桶。</translation>
    </message>
    <message>
        <source>Delete &amp;forever</source>
        <translation>永久刪除(&amp;F)</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>永久刪除</translation>
    </message>
    <message>
        <source>Erase the selected note; it cannot be restored.</source>
        <translation>清除選取的筆記；清除後無法還原。</translation>
    </message>
    <message>
        <source>&amp;Empty trash</source>
        <translation>清空垃圾桶(&amp;E)</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空垃圾桶</translation>
    </message>
    <message>
        <source>Erase every note in the trash for good.</source>
        <translation>永久清除垃圾桶中的所有筆記。</translation>
    </message>
    <message>
        <source>Choose something on the left, or press Ctrl+N.</source>
        <translation>請從左側選擇項目，或按 Ctrl+N。</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>日記</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>筆記</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名單</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>垃圾桶</translation>
    </message>
    <message>
        <source>Shared notebook</source>
        <translation>共用筆記本</translation>
    </message>
    <message>
        <source>%1, shared notebook</source>
        <translation>%1，共用筆記本</translation>
    </message>
    <message>
        <source>Stays home when travel starts</source>
        <translation>開始出行時留在家中</translation>
    </message>
    <message>
        <source>%1, stays home in travel mode</source>
        <translation>%1，出行模式下留在家中</translation>
    </message>
    <message>
        <source>Members of this shared notebook…</source>
        <translation>此共用筆記本的成員…</translation>
    </message>
    <message>
        <source>Export as an encrypted bundle…</source>
        <translation>匯出為加密包…</translation>
    </message>
    <message>
        <source>Stays &amp;home (travel mode)</source>
        <translation>留在家中（出行模式）(&amp;H)</translation>
    </message>
    <message>
        <source>Starting travel seals it into a bundle and removes it from this laptop.</source>
        <translation>開始出行時，它會被封入加密包並從這台筆電上刪除。</translation>
    </message>
    <message>
        <source>Print this month…</source>
        <translation>列印本月…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <source>Save this month as PDF…</source>
        <translation>將本月另存為 PDF…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存為 PDF…</translation>
    </message>
    <message>
        <source>Marked to stay home when travel starts.</source>
        <translation>已標記為開始出行時留在家中。</translation>
    </message>
    <message>
        <source>No longer marked to stay home.</source>
        <translation>已取消「留在家中」標記。</translation>
    </message>
    <message>
        <source>Export this note as an encrypted bundle…</source>
        <translation>將這則筆記匯出為加密包…</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>傳送給</translation>
    </message>
    <message>
        <source>Send to %1…</source>
        <translation>傳送給 %1…</translation>
    </message>
    <message>
        <source>Moved to the trash.</source>
        <translation>已移到垃圾桶。</translation>
    </message>
    <message>
        <source>Restored from the trash.</source>
        <translation>已從垃圾桶還原。</translation>
    </message>
    <message>
        <source>Delete this note forever? This cannot be undone.</source>
        <translation>要永久刪除這則筆記嗎？此操作無法復原。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n note(s) in the trash forever?</source>
        <translation>
            <numerusform>要永久刪除垃圾桶中的 %n 則筆記嗎？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>刪除聯絡人</translation>
    </message>
    <message>
        <source>Delete this contact? Linked notes stay.</source>
        <translation>要刪除這位聯絡人嗎？連結的筆記會保留。</translation>
    </message>
    <message>
        <source>Link a contact</source>
        <translation>連結聯絡人</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>加入名單</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Travel mode is on</source>
        <translation>出行模式已開啟</translation>
    </message>
    <message>
        <source>The bundle was written and checked, and what it holds was removed from this laptop: the vault now looks as if it never held it. To end travel, bring back the bundle:</source>
        <translation>加密包已寫入並檢查，其中的內容已從這台筆電上刪除：現在這個保險庫看起來就像從未存放過它們。要結束出行，請帶回加密包：</translation>
    </message>
    <message>
        <source>…and the travel key you wrote down, kept apart from the laptop. Without it the bundle cannot be opened.</source>
        <translation>……以及你抄下的出行金鑰，請與筆電分開存放。沒有它就無法開啟加密包。</translation>
    </message>
    <message>
        <source>…and ask %1, who holds the only key, to encrypt it again to your bundle key (Bundles, My bundle key) once you are back; the user guide says how.</source>
        <translation>……回來後，請持有唯一金鑰的 %1 把它重新加密到你的加密包金鑰（「加密包」選單，「我的加密包金鑰」）；使用者指南中有操作方法。</translation>
    </message>
    <message>
        <source>Then choose Vault, End travel…, and pick the bundle.</source>
        <translation>然後選擇「保險庫」選單中的「結束出行…」，並選取該加密包。</translation>
    </message>
    <message>
        <source>The rewrite of the vault was cancelled.</source>
        <translation>保險庫的重寫已取消。</translation>
    </message>
    <message>
        <source>The vault could not be rewritten afterwards: %1</source>
        <translation>之後未能重寫保險庫：%1</translation>
    </message>
    <message>
        <source>The size of its file may still tell that something left; Vault, Rotate data key… rewrites it.</source>
        <translation>其檔案大小仍可能透露曾有內容被移走；「保險庫」選單中的「更換資料金鑰…」可以重寫它。</translation>
    </message>
</context>
<context>
    <name>_KeyPage</name>
    <message>
        <source>Who can open the bundle</source>
        <translation>誰能開啟加密包</translation>
    </message>
    <message>
        <source>A one-time &amp;travel key: words you write down</source>
        <translation>一次性出行金鑰(&amp;T)：由你抄下的單字</translation>
    </message>
    <message>
        <source>Shown once, as words and a QR code. Keep it apart from the laptop.</source>
        <translation>只顯示一次，以單字和 QR 碼形式。請與筆電分開保管。</translation>
    </message>
    <message>
        <source>A &amp;colleague&apos;s key, from your contacts</source>
        <translation>同事的金鑰，來自你的聯絡人(&amp;C)</translation>
    </message>
    <message>
        <source>Only that colleague&apos;s vault opens the bundle; they re-encrypt it for you.</source>
        <translation>只有該同事的保險庫能開啟加密包；由他們為你重新加密。</translation>
    </message>
    <message>
        <source>Colleagues with a key</source>
        <translation>有金鑰的同事</translation>
    </message>
    <message>
        <source>Contacts that hold an age public key.</source>
        <translation>存有 age 公鑰的聯絡人。</translation>
    </message>
    <message>
        <source>No contact has an age key yet. To send the bundle to a colleague, add their public key to their contact first.</source>
        <translation>還沒有聯絡人存有 age 金鑰。要把加密包交給同事，請先把他們的公鑰加入其聯絡人資料。</translation>
    </message>
    <message>
        <source>The bundle is encrypted. With a travel key, you bring the words back yourself, apart from the laptop. With a colleague&apos;s key, only their vault opens it: nobody can make you open it at a checkpoint.</source>
        <translation>加密包是加密的。使用出行金鑰時，由你自己把單字帶回，與筆電分開。使用同事的金鑰時，只有他們的保險庫能開啟它：在檢查站沒有人能逼你開啟。</translation>
    </message>
</context>
<context>
    <name>_PlacePage</name>
    <message>
        <source>Where the bundle goes</source>
        <translation>加密包存放在哪裡</translation>
    </message>
    <message>
        <source>Choose a place that does not travel with this laptop: a USB stick you leave behind, a shared folder, or a colleague&apos;s inbox folder. Not the vault&apos;s own folder.</source>
        <translation>請選擇一個不隨這台筆電出行的地方：留在家中的隨身碟、共用資料夾，或同事的收件資料夾。不能是保險庫自己的資料夾。</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>加密包檔案</translation>
    </message>
    <message>
        <source>Where the bundle is written.</source>
        <translation>加密包寫入的位置。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>檔案(&amp;F)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>選擇(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>選擇檔案</translation>
    </message>
    <message>
        <source>Opens a file dialog that remembers no folders.</source>
        <translation>開啟一個不記錄任何資料夾的檔案對話框。</translation>
    </message>
    <message>
        <source>Problem with the file</source>
        <translation>檔案的問題</translation>
    </message>
    <message>
        <source>Save the travel bundle</source>
        <translation>儲存出行加密包</translation>
    </message>
    <message>
        <source>Hushnote bundles (*.hnb *.age);;All files (*)</source>
        <translation>Hushnote 加密包 (*.hnb *.age);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the bundle.</source>
        <translation>那是一個資料夾。請為加密包選擇一個檔名。</translation>
    </message>
    <message>
        <source>That folder does not exist. Choose another place.</source>
        <translation>該資料夾不存在。請選擇其他位置。</translation>
    </message>
    <message>
        <source>A file with that name exists, and a travel bundle never replaces one. Choose another name.</source>
        <translation>已有同名檔案，而出行加密包從不取代已有檔案。請換一個名稱。</translation>
    </message>
</context>
<context>
    <name>_PlanPage</name>
    <message>
        <source>What leaves this laptop</source>
        <translation>哪些內容會離開這台筆電</translation>
    </message>
</context>
<context>
    <name>_StartPage</name>
    <message>
        <source>Start travel</source>
        <translation>開始出行</translation>
    </message>
    <message>
        <source>&amp;Start travel</source>
        <translation>開始出行(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;write the whole vault afterwards (takes longer)</source>
        <translation>之後重寫整個保險庫（耗時較長）(&amp;W)</translation>
    </message>
    <message>
        <source>Writes the vault afresh under a new key, so that neither its size nor its freed space tells that something left.</source>
        <translation>用新金鑰重新寫入整個保險庫，使其大小和釋放的空間都不會透露有內容被移走。</translation>
    </message>
    <message>
        <source>&amp;Remind me on this laptop that travel mode is on</source>
        <translation>在這台筆電上提醒我出行模式已開啟(&amp;R)</translation>
    </message>
    <message>
        <source>Off by default: a reminder is the one thing that would show travel mode to whoever unlocks the vault. Your own words, shown in the status bar.</source>
        <translation>預設關閉：提醒是唯一會讓解鎖保險庫的人看出出行模式的東西。內容由你自己填寫，顯示在狀態列中。</translation>
    </message>
    <message>
        <source>Reminder text</source>
        <translation>提醒文字</translation>
    </message>
    <message>
        <source>Words only you understand; shown after unlocking until travel ends.</source>
        <translation>只有你自己看得懂的話；解鎖後顯示，直到出行結束。</translation>
    </message>
    <message>
        <source>Words only you understand</source>
        <translation>只有你自己看得懂的話</translation>
    </message>
    <message>
        <source>Why travel did not start</source>
        <translation>出行為何沒有開始</translation>
    </message>
    <message>
        <source>Choose &amp;another place…</source>
        <translation>選擇其他位置(&amp;A)…</translation>
    </message>
    <message>
        <source>Choose another place</source>
        <translation>選擇其他位置</translation>
    </message>
    <message>
        <source>Another file for the bundle; the travel key stays the same.</source>
        <translation>為加密包另選一個檔案；出行金鑰保持不變。</translation>
    </message>
    <message>
        <source>The bundle is written to the place you chose, read back and checked. Only then is what it holds removed from this laptop, so that the vault looks as if it never held it. Cancel stops it with nothing changed.</source>
        <translation>加密包會寫入你選擇的位置，再讀回並檢查。只有這之後，其中的內容才會從這台筆電上刪除，使保險庫看起來就像從未存放過它們。按「取消」會中止，不做任何變更。</translation>
    </message>
    <message>
        <source>Bundle: %1</source>
        <translation>加密包：%1</translation>
    </message>
    <message>
        <source>The disk there is full. Choose another place for the bundle.</source>
        <translation>那裡的磁碟已滿。請為加密包選擇另一個位置。</translation>
    </message>
    <message>
        <source>The bundle cannot be written there (a write-protected disk, or no permission). Choose another place for it.</source>
        <translation>無法在那裡寫入加密包（磁碟防寫，或沒有權限）。請為它選擇另一個位置。</translation>
    </message>
</context>
<context>
    <name>_WordsPage</name>
    <message>
        <source>Write down the travel key</source>
        <translation>抄下出行金鑰</translation>
    </message>
    <message>
        <source>Write these words on paper, or photograph the code with a phone that does not travel with you. They are shown only now and never again: without them the bundle cannot be opened, by you or by anyone.</source>
        <translation>請把這些單字寫在紙上，或用一支不隨你出行的手機拍下 QR 碼。它們只在此刻顯示，之後不會再顯示：沒有它們，你和任何人都無法開啟這個加密包。</translation>
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
        <translation>在 Joplin 中選擇「檔案 ▸ 全部匯出 ▸ JEX」，然後選擇 .jex 檔案；或選擇以 RAW 格式匯出的資料夾。</translation>
    </message>
    <message>
        <source>&amp;Standard Notes</source>
        <translation>Standard Notes(&amp;S)</translation>
    </message>
    <message>
        <source>In Standard Notes, Preferences ▸ Backups ▸ Download backup, then choose the .txt, .json or .zip file (an encrypted one asks for its passphrase).</source>
        <translation>在 Standard Notes 中選擇「偏好設定 ▸ 備份 ▸ 下載備份」，然後選擇 .txt、.json 或 .zip 檔案（加密的備份會要求輸入密碼短語）。</translation>
    </message>
    <message>
        <source>&amp;Evernote</source>
        <translation>Evernote(&amp;E)</translation>
    </message>
    <message>
        <source>In Evernote, export each notebook as an .enex file, then choose one or several of them.</source>
        <translation>在 Evernote 中將每個筆記本匯出為 .enex 檔案，然後選擇其中一個或多個。</translation>
    </message>
    <message>
        <source>&amp;Markdown folder or Obsidian vault</source>
        <translation>&amp;Markdown 資料夾或 Obsidian 庫</translation>
    </message>
    <message>
        <source>Choose the folder of .md files (an Obsidian vault is one), or a .zip of it.</source>
        <translation>選擇存放 .md 檔案的資料夾（Obsidian 庫就是這樣的資料夾），或它的 .zip 壓縮檔。</translation>
    </message>
    <message>
        <source>&amp;Day One</source>
        <translation>&amp;Day One</translation>
    </message>
    <message>
        <source>In Day One, Settings ▸ Import/Export ▸ Export ▸ JSON, then choose the .zip file or the folder unpacked from it.</source>
        <translation>在 Day One 中選擇「設定 ▸ 匯入/匯出 ▸ 匯出 ▸ JSON」，然後選擇 .zip 檔案或從中解壓出的資料夾。</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Joplin exports (*.jex)</source>
        <translation>Joplin 匯出檔案 (*.jex)</translation>
    </message>
    <message>
        <source>Standard Notes backups (*.txt *.json *.zip)</source>
        <translation>Standard Notes 備份 (*.txt *.json *.zip)</translation>
    </message>
    <message>
        <source>Evernote exports (*.enex)</source>
        <translation>Evernote 匯出檔案 (*.enex)</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 壓縮檔 (*.zip)</translation>
    </message>
    <message>
        <source>Day One exports (*.zip)</source>
        <translation>Day One 匯出檔案 (*.zip)</translation>
    </message>
    <message>
        <source>Location data dropped from %n note(s).</source>
        <translation>已從 %n 篇筆記中去除位置資料。</translation>
    </message>
    <message>
        <source>%n item(s) in the other app&apos;s trash, not imported.</source>
        <translation>%n 項在其他應用程式的垃圾桶中，未匯入。</translation>
    </message>
    <message>
        <source>%n encrypted section(s), which cannot be read, left out.</source>
        <translation>%n 個無法讀取的加密段落，未匯入。</translation>
    </message>
    <message>
        <source>%n item(s) of a kind this app does not keep, left out.</source>
        <translation>%n 項本應用程式不保存的內容，未匯入。</translation>
    </message>
    <message>
        <source>%n attachment(s) missing from the export.</source>
        <translation>匯出檔案中缺少 %n 個附件。</translation>
    </message>
    <message>
        <source>%n link(s) or special file(s) in the export, not followed or read.</source>
        <translation>匯出中有 %n 個連結或特殊檔案，未跟隨也未讀取。</translation>
    </message>
    <message>
        <source>%n attachment(s) whose hidden metadata could not be removed, left out.</source>
        <translation>%n 個附件的隱藏中繼資料無法移除，未匯入。</translation>
    </message>
    <message>
        <source>%n other item(s) left out.</source>
        <translation>另有 %n 項未匯入。</translation>
    </message>
    <message>
        <source>a link: it was left, and what it points to too</source>
        <translation>是一個連結：它和它指向的內容都保留未動</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是一般檔案</translation>
    </message>
    <message>
        <source>this is, or holds, the vault&apos;s own folder: nothing in it was touched</source>
        <translation>這是保險庫自己的資料夾，或包含它：其中的任何內容都未被改動</translation>
    </message>
    <message>
        <source>it could not be overwritten or deleted</source>
        <translation>無法覆寫或刪除它</translation>
    </message>
    <message>
        <source>Reading the export…</source>
        <translation>正在讀取匯出檔案…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在準備預覽…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>The vault changed since the preview, so nothing was imported. Here is what the import would do now.</source>
        <translation>預覽之後保險庫發生了變化，因此沒有匯入任何內容。下面是現在匯入將會做的事。</translation>
    </message>
    <message>
        <source>Notes: %1 new, %2 updated, %3 unchanged.</source>
        <translation>筆記：新增 %1，更新 %2，不變 %3。</translation>
    </message>
    <message>
        <source>Attachments added: %1. New tags: %2. New notebooks: %3.</source>
        <translation>新增附件：%1。新標籤：%2。新筆記本：%3。</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>匯入完成。</translation>
    </message>
    <message>
        <source>Delete the export you imported from this computer?</source>
        <translation>要從這台電腦上刪除已匯入的匯出檔案嗎？</translation>
    </message>
    <message>
        <source>Its files are overwritten, then deleted. On SSDs and on journaling or copy-on-write file systems the old contents may survive on the disk anyway. Backups and cloud copies are untouched. The other app still keeps its own copy of your notes: delete them there too.</source>
        <translation>這些檔案會先被覆寫再刪除。在固態硬碟以及日誌式或寫入時複製檔案系統上，舊內容仍可能殘留在磁碟上。備份和雲端副本不受影響。其他應用程式仍保留著你筆記的副本：請也在那裡刪除。</translation>
    </message>
    <message>
        <source>&amp;Delete the export</source>
        <translation>刪除匯出檔案(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep the files</source>
        <translation>保留檔案(&amp;K)</translation>
    </message>
    <message>
        <source>Deleting the export…</source>
        <translation>正在刪除匯出檔案…</translation>
    </message>
    <message>
        <source>%1 file(s) could not be deleted:</source>
        <translation>%1 個檔案無法刪除：</translation>
    </message>
</context>
<context>
    <name>attach</name>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>pasted image.png</source>
        <translation>貼上的圖片.png</translation>
    </message>
    <message>
        <source>Cancelled: “%1” was not attached.</source>
        <translation>已取消：「%1」未附加。</translation>
    </message>
    <message>
        <source>“%1” was not attached.</source>
        <translation>「%1」未附加。</translation>
    </message>
    <message>
        <source>“%1” attached. %2</source>
        <translation>已附加「%1」。%2</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未附加</translation>
    </message>
    <message>
        <source>Encrypting and attaching the file…</source>
        <translation>正在加密並附加檔案…</translation>
    </message>
    <message>
        <source>Metadata could not be removed</source>
        <translation>無法移除中繼資料</translation>
    </message>
    <message>
        <source>“%1”: %2

Store it unchanged, with its metadata?</source>
        <translation>「%1」：%2

要原樣儲存它，連同其中繼資料嗎？</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <source>Too large to show</source>
        <translation>檔案太大，無法顯示</translation>
    </message>
    <message>
        <source>Files over 512 MiB are not shown here. Export a copy to open it elsewhere.</source>
        <translation>超過 512 MiB 的檔案不會在此顯示。請匯出副本，用其他程式開啟。</translation>
    </message>
    <message>
        <source>Decrypting the attachment…</source>
        <translation>正在解密附件…</translation>
    </message>
    <message>
        <source>Cannot open it</source>
        <translation>無法開啟</translation>
    </message>
    <message>
        <source>Export an unencrypted copy</source>
        <translation>匯出未加密的副本</translation>
    </message>
    <message>
        <source>The copy will NOT be encrypted. Anyone who can open this computer&apos;s disk, or the drive you save it on, can read it, and it stays there until you delete it (deleting may not erase it from the disk).

Export a copy anyway?</source>
        <translation>副本將不會加密。任何能開啟這台電腦的磁碟或你所儲存到的磁碟機的人都能讀取它，而且它會一直留在那裡，直到你刪除為止（刪除也未必能將它從磁碟上抹除）。

仍要匯出副本嗎？</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>匯出副本…</translation>
    </message>
    <message>
        <source>Export a copy</source>
        <translation>匯出副本</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Decrypting and writing the copy…</source>
        <translation>正在解密並寫入副本…</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未匯出</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>刪除附件</translation>
    </message>
    <message>
        <source>Remove “%1” for good?

Its encrypted file is destroyed: it does not go to the trash and cannot be brought back.</source>
        <translation>要永久刪除「%1」嗎？

它的加密檔案將被銷毀：不會進入垃圾桶，也無法復原。</translation>
    </message>
    <message>
        <source>Remove for good</source>
        <translation>永久刪除</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>未刪除</translation>
    </message>
</context>
<context>
    <name>buttons</name>
    <message>
        <source>Apply and close.</source>
        <extracomment>Object name of labels that show what the user wrote, never a translatable string.</extracomment>
        <translation>套用並關閉。</translation>
    </message>
    <message>
        <source>Close without changing anything.</source>
        <translation>關閉，不做任何變更。</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>{app} ran into an unexpected problem. Everything saved before it is safe. If it happens again, lock the vault and restart {app}.</source>
        <translation>{app} 發生了未預期的問題。在此之前儲存的所有內容都安全無虞。如果再次發生，請鎖定保險庫並重新啟動 {app}。</translation>
    </message>
    <message>
        <source>{app} ran into an unexpected problem. Everything saved before it is safe. If it happens again, restart {app}.</source>
        <translation>{app} 發生了未預期的問題。在此之前儲存的所有內容都安全無虞。如果再次發生，請重新啟動 {app}。</translation>
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
        <translation>超過十億年</translation>
    </message>
    <message>
        <source>about a second</source>
        <translation>約一秒</translation>
    </message>
    <message>
        <source>about %1 seconds</source>
        <translation>約 %1 秒</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>約一分鐘</translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation>約 %1 分鐘</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>約一小時</translation>
    </message>
    <message>
        <source>about %1 hours</source>
        <translation>約 %1 小時</translation>
    </message>
    <message>
        <source>about a day</source>
        <translation>約一天</translation>
    </message>
    <message>
        <source>about %1 days</source>
        <translation>約 %1 天</translation>
    </message>
    <message>
        <source>about a month</source>
        <translation>約一個月</translation>
    </message>
    <message>
        <source>about %1 months</source>
        <translation>約 %1 個月</translation>
    </message>
    <message>
        <source>about a year</source>
        <translation>約一年</translation>
    </message>
    <message>
        <source>about %1 years</source>
        <translation>約 %1 年</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong inside {app}. Your saved data was not changed.</source>
        <translation>{app} 內部發生錯誤。你已儲存的資料沒有被變更。</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported.</source>
        <translation>無法匯入這個檔案；沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was imported. The problem is on line {line}.</source>
        <translation>無法匯入這個檔案；沒有匯入任何內容。問題出在第 {line} 行。</translation>
    </message>
    <message>
        <source>This bundle opens with the key file %1, which is not beside it. Put that file back in the same folder as the bundle; nothing was imported.</source>
        <translation>此加密包需要與它放在一起的金鑰檔 %1 才能開啟，但該檔案不在旁邊。請把它放回加密包所在的資料夾；沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>{app} cannot read or write %1 (no permission, or a disk that was removed?).</source>
        <translation>{app} 無法讀寫 %1（沒有權限，或磁碟已被移除？）。</translation>
    </message>
    <message>
        <source>This export cannot be imported: %1. Nothing was imported.</source>
        <translation>無法匯入此匯出檔：%1。沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>The problem is in %1.</source>
        <translation>問題出在 %1。</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the bundle; nothing was written.</source>
        <translation>那是一個資料夾。請為加密包選擇一個檔名；未寫入任何內容。</translation>
    </message>
    <message>
        <source>A file of that name already exists, perhaps an earlier trip&apos;s bundle. Choose a new name; nothing was written.</source>
        <translation>已存在同名檔案，可能是上次出行的加密包。請換一個名稱；未寫入任何內容。</translation>
    </message>
    <message>
        <source>That place is inside the vault&apos;s own folder. Save the bundle somewhere else; nothing was written.</source>
        <translation>該位置在保險庫自己的資料夾內。請將加密包儲存到其他位置；未寫入任何內容。</translation>
    </message>
    <message>
        <source>The bundle could not be encrypted and written. Nothing was changed.</source>
        <translation>無法加密並寫入此加密包。未做任何變更。</translation>
    </message>
    <message>
        <source>No usable font is installed, so no PDF was made. Nothing was written.</source>
        <translation>沒有安裝可用的字型，因此未產生 PDF。未寫入任何內容。</translation>
    </message>
    <message>
        <source>No installed font can draw some characters of this text (emoji, say), so no PDF was made. Nothing was written.</source>
        <translation>已安裝的字型無法顯示這段文字中的某些字元（例如表情符號），因此未產生 PDF。未寫入任何內容。</translation>
    </message>
    <message>
        <source>A file of that name already exists. Nothing was written.</source>
        <translation>同名檔案已存在。未寫入任何內容。</translation>
    </message>
    <message>
        <source>That place is inside the vault&apos;s own folder. Save the PDF somewhere else; nothing was written.</source>
        <translation>該位置在保險庫自己的資料夾內。請將 PDF 儲存到其他地方；未寫入任何內容。</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file name for the PDF; nothing was written.</source>
        <translation>那是一個資料夾。請為 PDF 選擇一個檔案名稱；未寫入任何內容。</translation>
    </message>
    <message>
        <source>That name cannot hold a PDF (it is not a regular file, or the name itself cannot be used). Choose another file name; nothing was written.</source>
        <translation>這個名稱無法儲存 PDF（它不是一般檔案，或名稱本身無法使用）。請另選檔名；沒有寫入任何內容。</translation>
    </message>
    <message>
        <source>The private folder for copies is a link or belongs to another user, so no copy was made.</source>
        <translation>用於存放副本的私人資料夾是一個連結或屬於其他使用者，因此沒有建立副本。</translation>
    </message>
    <message>
        <source>The decoy notes are too long to fit; shorten them.</source>
        <translation>誘餌筆記太長，放不下；請縮短。</translation>
    </message>
    <message>
        <source>That is a secret key: never share it, and ask for a new one if it was sent to you. Paste the public key, which starts with age1.</source>
        <translation>這是私鑰：絕不要分享它；如果它是別人傳給你的，請讓對方重新產生一個。請貼上以 age1 開頭的公鑰。</translation>
    </message>
    <message>
        <source>That contact has no age key saved. Add one to the contact first.</source>
        <translation>該聯絡人沒有儲存 age 金鑰。請先為該聯絡人新增金鑰。</translation>
    </message>
    <message>
        <source>More than one contact has that name. Choose the contact from the list.</source>
        <translation>有多位聯絡人使用這個名字。請從清單中選擇聯絡人。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s own key: whoever makes you unlock this vault could open the bundle. Choose a colleague&apos;s key, or a one-time travel key.</source>
        <translation>這是本保險庫自己的金鑰：任何逼你解鎖本保險庫的人都能打開這個加密包。請選擇同事的金鑰，或一次性出行金鑰。</translation>
    </message>
    <message>
        <source>That is not an age public key: it starts with age1 and has 62 characters.</source>
        <translation>這不是 age 公鑰：age 公鑰以 age1 開頭，共 62 個字元。</translation>
    </message>
    <message>
        <source>A list marked to stay home is shared in a notebook that travels: removing it would remove it for every member. Unmark the list, or mark that notebook too. Nothing was written.</source>
        <translation>一份標記為「留在家中」的名單被共用在一本隨身攜帶的筆記本中：移除它會讓所有成員都失去它。請取消這份名單的標記，或將那本筆記本也標記為留在家中。未寫入任何內容。</translation>
    </message>
    <message>
        <source>The selected notes are all in the trash, and the trash is never exported. Restore them first. Nothing was exported.</source>
        <translation>選取的筆記全都在資源回收筒中，而資源回收筒從不匯出。請先還原它們。未匯出任何內容。</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>請輸入密碼短語。</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>兩次輸入的密碼短語不一致。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s real passphrase. A duress passphrase must be a different one: typed at the unlock screen, it destroys the vault.</source>
        <translation>這是此保險庫的真實密碼。脅迫密碼必須是另一個密碼：在解鎖畫面輸入它會銷毀保險庫。</translation>
    </message>
    <message>
        <source>That is this vault&apos;s duress passphrase. The real passphrase must be a different one: otherwise typing it under pressure would open your notes.</source>
        <translation>這是這個保險庫的脅迫密碼短語。真正的密碼短語必須與它不同：否則在壓力下輸入它會打開你的筆記。</translation>
    </message>
    <message>
        <source>That passphrase cannot be used.</source>
        <translation>無法使用這個密碼短語。</translation>
    </message>
    <message>
        <source>This PDF is locked with a password, so {app} cannot remove its hidden details (author, dates, software). Nothing was attached.</source>
        <translation>此 PDF 受密碼保護，{app} 無法移除其中的隱藏資訊（作者、日期、軟體）。未加入任何附件。</translation>
    </message>
    <message>
        <source>This PDF is digitally signed: removing its hidden details (author, dates, software) would break the signature. Nothing was attached.</source>
        <translation>此 PDF 帶有數位簽章：移除其中的隱藏資訊（作者、日期、軟體）會使簽章失效。未加入任何附件。</translation>
    </message>
    <message>
        <source>{app} cannot remove the hidden details (location, camera, author) from this file: it is damaged, cut short, or not the kind of file it claims to be. Nothing was attached.</source>
        <translation>{app} 無法移除此檔案中的隱藏資訊（位置、相機、作者）：檔案已損毀、不完整，或並非其聲稱的檔案類型。未加入任何附件。</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault.</source>
        <translation>這個密碼短語無法開啟這個保險庫。</translation>
    </message>
    <message>
        <source>This vault is open in another {app} window or command.</source>
        <translation>這個保險庫已在另一個 {app} 視窗或指令中開啟。</translation>
    </message>
    <message>
        <source>The vault database is damaged. Run “hushnote check” for details.</source>
        <translation>保險庫資料庫已損壞。請執行「hushnote check」查看詳細資訊。</translation>
    </message>
    <message>
        <source>The vault header is damaged or missing, so the vault cannot be opened.</source>
        <translation>保險庫標頭已損壞或遺失，因此無法開啟保險庫。</translation>
    </message>
    <message>
        <source>The vault&apos;s header and database do not belong together: one of them is another vault&apos;s, or the database is empty. Nothing was changed.</source>
        <translation>保險庫的標頭與資料庫不相符：其中一個屬於另一個保險庫，或資料庫是空的。未做任何變更。</translation>
    </message>
    <message>
        <source>The vault&apos;s database is older than its header: an older copy of it, or of part of it, was put back. Nothing was changed. If you restored it yourself, run “hushnote check --accept-rollback”.</source>
        <translation>保險庫的資料庫比其標頭舊：有人放回了它（或其一部分）的舊副本。未做任何變更。如果是您自己還原的，請執行「hushnote check --accept-rollback」。</translation>
    </message>
    <message>
        <source>A file in the vault folder is a link or not a regular file, so {app} did not open it. Put the real file back in its place.</source>
        <translation>保險庫資料夾中的某個檔案是連結或不是一般檔案，因此 {app} 沒有開啟它。請將真正的檔案放回原處。</translation>
    </message>
    <message>
        <source>The vault&apos;s header changed on disk while {app} had the vault open: it was wiped, or another program replaced it. Nothing more was written.</source>
        <translation>{app} 開啟保險庫期間，磁碟上的保險庫標頭被變更了：保險庫已被銷毀，或有其他程式取代了它。之後沒有再寫入任何內容。</translation>
    </message>
    <message>
        <source>The vault could not be destroyed completely (read-only disk?). Its files are still there.</source>
        <translation>無法完全銷毀保險庫（磁碟是唯讀的？）。它的檔案仍然存在。</translation>
    </message>
    <message>
        <source>This vault was made by a newer {app}. Please upgrade.</source>
        <translation>這個保險庫是由較新版本的 {app} 建立的。請升級。</translation>
    </message>
    <message>
        <source>This vault asks for more memory or time than this computer allows.</source>
        <translation>這個保險庫所需的記憶體或時間超出這部電腦的允許範圍。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and retry.</source>
        <translation>磁碟已滿。沒有做任何變更；請釋放一些空間後再試一次。</translation>
    </message>
    <message>
        <source>This computer has no private folder in memory for the copy, so it was not made: a copy on the disk would outlive the vault.</source>
        <translation>這台電腦在記憶體中沒有可存放副本的私人資料夾，因此沒有建立副本：存在磁碟上的副本會比保險庫留存得更久。</translation>
    </message>
    <message>
        <source>{app} cannot read or write the vault folder (permissions?).</source>
        <translation>{app} 無法讀取或寫入保險庫資料夾（權限問題？）。</translation>
    </message>
    <message>
        <source>A vault already exists in that folder.</source>
        <translation>該資料夾中已有保險庫。</translation>
    </message>
    <message>
        <source>That folder is not empty; choose a new or empty folder.</source>
        <translation>該資料夾不是空的；請選擇新的或空的資料夾。</translation>
    </message>
    <message>
        <source>There is no vault in that folder any more. Nothing was changed.</source>
        <translation>那個資料夾中已經沒有保險庫了。未做任何變更。</translation>
    </message>
    <message>
        <source>The vault was locked before that could finish. Unlock it and try again.</source>
        <translation>操作完成前保險庫已被鎖定。請解鎖後重試。</translation>
    </message>
    <message>
        <source>More than one item matches. Choose the one you mean from the list.</source>
        <translation>有多個項目相符。請從清單中選擇您要的那一個。</translation>
    </message>
    <message>
        <source>That needs your confirmation first. Nothing was changed.</source>
        <translation>這需要您先確認。未做任何變更。</translation>
    </message>
    <message>
        <source>This copy of {app} cannot encrypt (its SQLite library is not SQLCipher), so it refuses to open the vault. Reinstall {app}.</source>
        <translation>此 {app} 副本無法加密（其 SQLite 程式庫不是 SQLCipher），因此拒絕開啟保險庫。請重新安裝 {app}。</translation>
    </message>
    <message>
        <source>The desktop app cannot start on this display.</source>
        <translation>桌面應用程式無法在此顯示器上啟動。</translation>
    </message>
    <message>
        <source>That item no longer exists.</source>
        <translation>該項目已不存在。</translation>
    </message>
    <message>
        <source>That cannot be saved: a required field is empty or too long.</source>
        <translation>無法儲存：有必填欄位是空的或太長。</translation>
    </message>
    <message>
        <source>That cannot be saved: a name or value holds control characters.</source>
        <translation>無法儲存：有名稱或值含有控制字元。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何變更。</translation>
    </message>
    <message>
        <source>This bundle cannot be opened: wrong key or passphrase, or the file was changed or cut short. Nothing was imported.</source>
        <translation>無法開啟這個加密包：金鑰或密碼短語錯誤，或檔案已被變更或不完整。沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>This bundle is damaged. Nothing was imported.</source>
        <translation>這個加密包已損壞。沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>This bundle was made by a newer {app}. Please upgrade.</source>
        <translation>這個加密包是由較新版本的 {app} 建立的。請升級。</translation>
    </message>
    <message>
        <source>This bundle is over the size limits. Nothing was imported.</source>
        <translation>這個加密包超出大小限制。沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>This passphrase bundle asks for more memory and time to open than {app} allows. Nothing was imported.</source>
        <translation>開啟這個密碼短語加密包所需的記憶體和時間超出 {app} 允許的範圍。沒有匯入任何內容。</translation>
    </message>
    <message>
        <source>This is not a picture {app} can read, or it is damaged. Nothing was stored.</source>
        <translation>這不是 {app} 能讀取的圖片，或者檔案已損毀。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>This picture is too large for {app} to process. Nothing was stored.</source>
        <translation>這張圖片太大，{app} 無法處理。沒有儲存任何內容。</translation>
    </message>
    <message>
        <source>Faces cannot be found automatically: the face detector is not installed. You can still mark faces by hand, and they will be blurred.</source>
        <translation>無法自動找出人臉：未安裝人臉偵測元件。你仍然可以手動標出人臉，它們同樣會被模糊處理。</translation>
    </message>
    <message>
        <source>The vault changed after the preview, so the import would not do what it showed. Nothing was imported: import the bundle again to see a new preview.</source>
        <translation>預覽之後保險庫有了變動，匯入的結果將與預覽不符。未匯入任何內容：請重新匯入此加密包，查看新的預覽。</translation>
    </message>
    <message>
        <source>This file is too large. Files of up to 4 GiB can be attached.</source>
        <translation>此檔案太大。最多可附加 4 GiB 的檔案。</translation>
    </message>
    <message>
        <source>This attachment&apos;s encrypted file is missing or damaged, so it cannot be read. Nothing else was changed.</source>
        <translation>此附件的加密檔案遺失或已損毀，無法讀取。其他內容皆未變更。</translation>
    </message>
    <message>
        <source>That is not a file that can be attached (a folder or a device, say).</source>
        <translation>這不是可以附加的檔案（例如資料夾或裝置）。</translation>
    </message>
    <message>
        <source>This invitation cannot be used here: it was made for another key, or it is damaged, or this vault already has that shared notebook. Nothing was changed.</source>
        <translation>這份邀請無法在此使用：它是為另一把金鑰製作的，或已損壞，或此保險庫已有該共用筆記本。未做任何變更。</translation>
    </message>
    <message>
        <source>That folder cannot hold a shared notebook: choose an existing folder outside the vault&apos;s own folder. Nothing was changed.</source>
        <translation>該資料夾不能存放共用筆記本：請選擇保險庫本身資料夾以外的現有資料夾。未做任何變更。</translation>
    </message>
    <message>
        <source>Only the shared notebook&apos;s admin can invite or remove members, and the admin cannot remove itself. Nothing was changed.</source>
        <translation>只有共用筆記本的管理員才能邀請或移除成員，且管理員不能移除自己。未做任何變更。</translation>
    </message>
    <message>
        <source>Nothing is marked to stay home. Mark a notebook or a contact list first; nothing was written.</source>
        <translation>沒有任何內容被標記為「留在家中」。請先標記一本筆記本或聯絡人名單；未寫入任何內容。</translation>
    </message>
    <message>
        <source>The travel bundle read back from the disk is not what was written, so it was removed and nothing was taken out of the vault. Try another place to save it.</source>
        <translation>從磁碟讀回的出行加密包與寫入的內容不一致，因此已將其刪除，保險庫中的內容沒有被移除。請嘗試儲存到其他位置。</translation>
    </message>
    <message>
        <source>The open note or contact could not be saved (is the disk full?), so this did not start. Its text is still in the editor: make room, then try again.</source>
        <translation>開啟的筆記或聯絡人無法儲存（磁碟是否已滿？），因此此操作沒有開始。其文字仍在編輯器中：請騰出空間後再試。</translation>
    </message>
    <message>
        <source>This bundle is not a travel bundle. Import it as an ordinary bundle instead; nothing was changed.</source>
        <translation>這不是出行加密包。請改為以一般加密包匯入；未做任何變更。</translation>
    </message>
    <message>
        <source>{app} could not complete that. Nothing was changed.</source>
        <translation>{app} 無法完成這項操作。沒有做任何變更。</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>%n more line(s) not shown here</source>
        <translation>另有 %n 行未在此顯示</translation>
    </message>
    <message>
        <source>%n unchanged line(s)</source>
        <translation>%n 行未變更</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>還原此版本</translation>
    </message>
    <message>
        <source>Restore the version of %1?

The current text is kept as a version first, so you can go back to it.</source>
        <translation>要還原 %1 的版本嗎？

目前文字會先保存為一個版本，所以你可以再回到它。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Delete this note&apos;s history</source>
        <translation>刪除這則筆記的歷史紀錄</translation>
    </message>
    <message>
        <source>Delete the %n earlier version(s) of this note for good?

The note stays as it is now. This cannot be undone.</source>
        <translation>要永久刪除這則筆記的 %n 個較早版本嗎？

筆記維持現在的樣子。此操作無法復原。</translation>
    </message>
    <message>
        <source>Delete history</source>
        <translation>刪除歷史紀錄</translation>
    </message>
    <message>
        <source>while editing</source>
        <translation>編輯時</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>還原之前</translation>
    </message>
    <message>
        <source>before a shared-notebook change</source>
        <translation>共用筆記本變更之前</translation>
    </message>
    <message>
        <source>before a bundle import</source>
        <translation>匯入加密包之前</translation>
    </message>
    <message>
        <source>before another change</source>
        <translation>其他變更之前</translation>
    </message>
    <message>
        <source>Off: keep no history</source>
        <translation>關閉：不保留歷史紀錄</translation>
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
        <translation>筆記</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>This bundle was made for this vault&apos;s key: it opens without a passphrase.</source>
        <translation>此加密包是為本保險庫的金鑰製作的：不需密碼短語即可開啟。</translation>
    </message>
    <message>
        <source>This bundle is protected by a passphrase. Enter the passphrase its sender gave you.</source>
        <translation>此加密包受密碼短語保護。請輸入傳送者告訴你的密碼短語。</translation>
    </message>
    <message>
        <source>This bundle was made for someone else&apos;s key, not this vault&apos;s, so it cannot be opened here. Ask its sender to export it again to this vault&apos;s key (Bundles, My bundle key) or with a passphrase. Nothing was imported.</source>
        <translation>此加密包是為他人的金鑰製作的，而非本保險庫的金鑰，因此無法在這裡開啟。請傳送者改用本保險庫的金鑰（加密包 &gt; 我的加密包金鑰）或以密碼短語重新匯出。未匯入任何內容。</translation>
    </message>
    <message>
        <source>This file is not a %1 bundle: it is not an encrypted bundle file, or it is empty or cut short. Nothing was imported.</source>
        <translation>此檔案不是 %1 加密包：它不是加密包檔案，或是空白、不完整。未匯入任何內容。</translation>
    </message>
    <message>
        <source>The passphrase opened this bundle, and everything in it was checked.</source>
        <translation>密碼短語已開啟此加密包，其中的所有內容皆已檢查。</translation>
    </message>
    <message>
        <source>Opening the bundle…</source>
        <translation>正在開啟加密包…</translation>
    </message>
    <message>
        <source>Everything in it was checked.</source>
        <translation>其中的所有內容皆已檢查。</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>已取消匯入，未做任何變更。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
</context>
<context>
    <name>import-reasons</name>
    <message>
        <source>the file or folder is not there</source>
        <translation>檔案或資料夾不存在</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>無法讀取該檔案</translation>
    </message>
    <message>
        <source>this is not an export of that app</source>
        <translation>這不是該應用程式的匯出檔</translation>
    </message>
    <message>
        <source>the file is damaged or cut short</source>
        <translation>檔案已損壞或不完整</translation>
    </message>
    <message>
        <source>more files or items than an import takes</source>
        <translation>檔案或項目數量超出一次匯入的上限</translation>
    </message>
    <message>
        <source>a file larger than an import takes</source>
        <translation>檔案大小超出匯入的上限</translation>
    </message>
    <message>
        <source>more data in all than an import takes</source>
        <translation>資料總量超出一次匯入的上限</translation>
    </message>
    <message>
        <source>an archive member that expands far beyond its size (a compression bomb)</source>
        <translation>壓縮檔中有一項解壓後遠大於其本身大小（壓縮炸彈）</translation>
    </message>
    <message>
        <source>nesting deeper than an import takes</source>
        <translation>巢狀層級超出匯入的上限</translation>
    </message>
    <message>
        <source>a file name that points outside the archive</source>
        <translation>檔名指向壓縮檔之外</translation>
    </message>
    <message>
        <source>a link or special file where a file should be (never followed or read)</source>
        <translation>本應是檔案的位置上是一個連結或特殊檔案（從不跟隨或讀取）</translation>
    </message>
    <message>
        <source>text that is not UTF-8</source>
        <translation>文字不是 UTF-8 編碼</translation>
    </message>
    <message>
        <source>broken JSON</source>
        <translation>JSON 格式有誤</translation>
    </message>
    <message>
        <source>broken XML</source>
        <translation>XML 格式有誤</translation>
    </message>
    <message>
        <source>an XML entity or document type declaration, which is never expanded</source>
        <translation>含有 XML 實體或文件類型宣告（絕不會展開）</translation>
    </message>
    <message>
        <source>an attachment whose data is not valid base64</source>
        <translation>附件的 base64 編碼有誤</translation>
    </message>
    <message>
        <source>a date that cannot be read</source>
        <translation>無法識別的日期</translation>
    </message>
    <message>
        <source>an item with a field of the wrong type</source>
        <translation>某一項目的欄位類型不正確</translation>
    </message>
    <message>
        <source>notebooks that contain each other</source>
        <translation>筆記本相互包含</translation>
    </message>
    <message>
        <source>a notebook or tag whose nested name is longer than an import takes</source>
        <translation>筆記本或標籤的巢狀名稱超出匯入的長度上限</translation>
    </message>
    <message>
        <source>this backup is encrypted: give its passphrase</source>
        <translation>此備份已加密：請提供它的密碼短語</translation>
    </message>
    <message>
        <source>the passphrase does not open this backup</source>
        <translation>該密碼短語無法開啟此備份</translation>
    </message>
    <message>
        <source>an encryption version this import does not read</source>
        <translation>匯入不支援的加密版本</translation>
    </message>
    <message>
        <source>an item whose key is not in the backup</source>
        <translation>某一項目的金鑰不在備份中</translation>
    </message>
    <message>
        <source>a note longer than Hushnote keeps</source>
        <translation>筆記長度超出 Hushnote 的上限</translation>
    </message>
    <message>
        <source>nothing to import in it</source>
        <translation>其中沒有可匯入的內容</translation>
    </message>
    <message>
        <source>this version of Hushnote cannot import from that app</source>
        <translation>此版本的 Hushnote 無法從該應用程式匯入</translation>
    </message>
    <message>
        <source>front matter that is too large or expands too far to be read</source>
        <translation>開頭的 YAML 資訊（front matter）過大或展開過多，無法讀取</translation>
    </message>
</context>
<context>
    <name>locked-errors</name>
    <message>
        <source>Something went wrong inside {app}. Your saved data was not changed.</source>
        <translation>{app} 內部發生錯誤。你已儲存的資料沒有被變更。</translation>
    </message>
    <message>
        <source>Enter a password.</source>
        <translation>請輸入密碼。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
    <message>
        <source>That password cannot be used.</source>
        <translation>無法使用這個密碼。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is damaged or missing.</source>
        <translation>無法開啟你的筆記：其中一個檔案已損壞或遺失。</translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation>密碼不正確。</translation>
    </message>
    <message>
        <source>{app} is already open in another window.</source>
        <translation>{app} 已在另一個視窗中開啟。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: their files do not belong together. Nothing was changed.</source>
        <translation>無法開啟你的筆記：它們的檔案彼此不相符。沒有做任何變更。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is older than the others, as if an old copy was put back. Nothing was changed.</source>
        <translation>無法開啟你的筆記：其中一個檔案比其他檔案舊，像是有人放回了舊的副本。沒有做任何變更。</translation>
    </message>
    <message>
        <source>Your notes cannot be opened: one of their files is a link or not a regular file. Put the real file back in its place.</source>
        <translation>無法開啟你的筆記：其中一個檔案是連結或不是一般檔案。請將真正的檔案放回原處。</translation>
    </message>
    <message>
        <source>These notes were saved by a newer {app}. Please upgrade.</source>
        <translation>這些筆記是由較新版本的 {app} 儲存的。請升級。</translation>
    </message>
    <message>
        <source>Opening these notes needs more memory or time than this computer has.</source>
        <translation>開啟這些筆記所需的記憶體或時間超出這部電腦的能力。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was changed; free some space and retry.</source>
        <translation>磁碟已滿。沒有做任何變更；請釋放一些空間後再試一次。</translation>
    </message>
    <message>
        <source>{app} cannot read or write its folder (permissions?).</source>
        <translation>{app} 無法讀取或寫入它的資料夾（權限問題？）。</translation>
    </message>
    <message>
        <source>That folder is already in use.</source>
        <translation>該資料夾已在使用中。</translation>
    </message>
    <message>
        <source>That folder is not empty; choose a new or empty folder.</source>
        <translation>該資料夾不是空的；請選擇新的或空的資料夾。</translation>
    </message>
    <message>
        <source>Your notes are no longer in their folder. Nothing was changed.</source>
        <translation>你的筆記已不在原本的資料夾中。沒有做任何變更。</translation>
    </message>
    <message>
        <source>{app} could not remove its files (read-only disk?). They are still there.</source>
        <translation>{app} 無法刪除它的檔案（磁碟是唯讀的？）。這些檔案仍然存在。</translation>
    </message>
    <message>
        <source>This copy of {app} is incomplete, so it does not open your notes. Reinstall {app}.</source>
        <translation>此 {app} 副本不完整，因此無法開啟你的筆記。請重新安裝 {app}。</translation>
    </message>
    <message>
        <source>{app} could not complete that. Nothing was changed.</source>
        <translation>{app} 無法完成這項操作。沒有做任何變更。</translation>
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
        <translation>相機序號</translation>
    </message>
    <message>
        <source>camera make and model</source>
        <translation>相機品牌與型號</translation>
    </message>
    <message>
        <source>unique picture or document ID</source>
        <translation>圖片或文件的唯一識別碼</translation>
    </message>
    <message>
        <source>owner&apos;s name</source>
        <translation>擁有者姓名</translation>
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
        <translation>拍攝日期</translation>
    </message>
    <message>
        <source>editing software</source>
        <translation>編輯軟體</translation>
    </message>
    <message>
        <source>creating program</source>
        <translation>建立程式</translation>
    </message>
    <message>
        <source>embedded thumbnail</source>
        <translation>內嵌縮圖</translation>
    </message>
    <message>
        <source>camera maker&apos;s private data</source>
        <translation>相機廠商的私有資料</translation>
    </message>
    <message>
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>關鍵字</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>註解</translation>
    </message>
    <message>
        <source>XMP data</source>
        <translation>XMP 資料</translation>
    </message>
    <message>
        <source>IPTC data</source>
        <translation>IPTC 資料</translation>
    </message>
    <message>
        <source>other camera settings</source>
        <translation>其他相機設定</translation>
    </message>
    <message>
        <source>text fields</source>
        <translation>文字欄位</translation>
    </message>
    <message>
        <source>document properties</source>
        <translation>文件屬性</translation>
    </message>
    <message>
        <source>data hidden after the picture</source>
        <translation>藏在圖片之後的資料</translation>
    </message>
    <message>
        <source>faces (blurred) and everything but the pixels</source>
        <translation>臉部（已模糊）以及除像素以外的一切</translation>
    </message>
    <message>
        <source>everything but the pixels (no face was blurred)</source>
        <translation>除像素外的一切（沒有模糊任何人臉）</translation>
    </message>
    <message>
        <source>other identifying data</source>
        <translation>其他可辨識身分的資料</translation>
    </message>
    <message>
        <source>Nothing identifying was found.</source>
        <translation>未發現可辨識身分的資訊。</translation>
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
        <translation>已依你的選擇原樣儲存，中繼資料未移除。</translation>
    </message>
    <message>
        <source>Stored as it is: plain text carries no hidden metadata.</source>
        <translation>已原樣儲存：純文字不含隱藏的中繼資料。</translation>
    </message>
    <message>
        <source>Stored as it is: metadata is removed only from JPEG, PNG and WebP photos and PDFs, so this file keeps whatever names or dates it holds inside.</source>
        <translation>已原樣儲存：只有 JPEG、PNG、WebP 照片和 PDF 會被移除中繼資料，因此這個檔案內部原有的姓名或日期都會保留。</translation>
    </message>
    <message>
        <source>JPEG photo</source>
        <translation>JPEG 照片</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 圖片</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>WebP 圖片</translation>
    </message>
    <message>
        <source>GIF image</source>
        <translation>GIF 圖片</translation>
    </message>
    <message>
        <source>BMP image</source>
        <translation>BMP 圖片</translation>
    </message>
    <message>
        <source>HEIC photo</source>
        <translation>HEIC 照片</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Markdown 文字</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
</context>
<context>
    <name>passphrase</name>
    <message>
        <source>Hidden as you type; never read aloud.</source>
        <translation>輸入時會隱藏，也不會被朗讀出來。</translation>
    </message>
    <message>
        <source>⇪ Caps Lock is on</source>
        <translation>⇪ 大寫鎖定已開啟</translation>
    </message>
    <message>
        <source>Hide what is typed</source>
        <translation>隱藏輸入內容</translation>
    </message>
    <message>
        <source>Show what is typed</source>
        <translation>顯示輸入內容</translation>
    </message>
    <message>
        <source>Shows what is typed as plain text while on; %1 switches it.</source>
        <translation>開啟時以明文顯示輸入內容；按 %1 切換。</translation>
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
