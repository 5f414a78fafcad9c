"""Real-shaped documents for the tests, made with the libraries themselves: a Word file with styles, a list, a
table, a hyperlink, emphasis and a footnote (python-docx, plus the footnotes part it cannot make), and a
WordPress-style saved page with menus, share buttons, related stories and a footer."""

from __future__ import annotations

from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/>
</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The figures come from the air force.</w:t></w:r></w:p>
</w:footnote>
</w:footnotes>"""


def make_docx(path: Path) -> Path:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading("Russia launched dozens of drones at Kyiv", level=1)
    paragraph = document.add_paragraph("The attack came as ")
    paragraph.add_run("Ukraine").bold = True
    paragraph.add_run(" asked for more air defence systems. The White House said ")
    paragraph.add_run("Iran").italic = True
    paragraph.add_run(" supplied the drones.")
    note = paragraph.add_run()
    note.font.superscript = True
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    note._r.append(reference)
    linked = document.add_paragraph("Read the ")
    rid = document.part.relate_to("https://example.org/report", RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    run_format = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    run_format.append(style)
    run.append(run_format)
    text = OxmlElement("w:t")
    text.text = "full report"
    run.append(text)
    link.append(run)
    linked._p.append(link)
    linked.add_run(" on the website.")
    document.add_paragraph("Ten districts lost power.", style="List Bullet")
    document.add_paragraph("Trains were delayed.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for (row, col), value in {(0, 0): "Country", (0, 1): "Drones", (1, 0): "Ukraine", (1, 1): "1,200"}.items():
        table.cell(row, col).text = value
    document.add_paragraph("Firefighters at a damaged building in Kyiv.", style="Caption")
    document.sections[0].footer.paragraphs[0].text = "Inkuru News, Kigali"
    footnotes = Part(PackURI("/word/footnotes.xml"),
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                     _FOOTNOTES.encode(), document.part.package)
    document.part.relate_to(footnotes, RT.FOOTNOTES)
    document.save(path)
    return path


WORDPRESS_PAGE = """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>Drones strike Kyiv as Ukraine asks for air defence &#8211; Inkuru Daily</title>
<script>window.dataLayer = []; function track() {}</script>
<link rel="stylesheet" href="/wp-content/themes/news/style.css">
</head>
<body class="post-template-default single single-post">
<header class="site-header"><div class="site-title"><a href="/">Inkuru Daily</a></div>
<nav class="main-navigation"><ul id="menu-main">
<li class="menu-item"><a href="/category/world/">World</a></li>
<li class="menu-item"><a href="/category/politics/">Politics</a></li>
<li class="menu-item"><a href="/category/sport/">Sport</a></li>
<li class="menu-item"><a href="/subscribe/">Subscribe</a></li>
</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article id="post-1042" class="post-1042 post type-post status-publish">
<header class="entry-header">
<h1 class="entry-title">Drones strike Kyiv as Ukraine asks for more air defence</h1>
<div class="entry-meta"><span class="byline">By <a class="url fn n" href="/author/jane/">Jane Mukamana</a></span>
<span class="posted-on"><time class="entry-date published" datetime="2026-11-24T08:00:00+02:00">24 November 2026</time></span></div>
</header>
<div class="entry-content">
<p>Russia launched <strong>dozens of drones</strong> at Kyiv overnight, officials in <a href="https://example.org/ukraine" onclick="track()">Ukraine</a> said on Tuesday, in one of the largest attacks on the capital this year.</p>
<figure class="wp-block-image"><img src="/uploads/kyiv.jpg" alt="A damaged building in Kyiv after the attack"><figcaption>Firefighters work at a damaged building in Kyiv on Tuesday.</figcaption></figure>
<p>The air force said its air defence units shot down most of the drones, but several struck homes and a power station in the east of the city.</p>
<h2>Power cuts across the capital</h2>
<ul><li>Ten districts of the city lost power for several hours.</li><li>Trains into the capital were delayed for most of the morning.</li></ul>
<blockquote><p>We need more air defence systems, and we need them now.</p></blockquote>
<p>The White House said <em>Iran</em> supplied the drones, and announced new sanctions on companies that build them. <a href="javascript:alert(document.cookie)">More on sanctions</a> follows later today.</p>
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#" class="share-facebook">Facebook</a></li><li><a href="#" class="share-twitter">Twitter</a></li><li><a href="#">WhatsApp</a></li></ul></div>
</div>
</article>
<section class="related-posts"><h2>Related stories</h2><ul>
<li><a href="/2026/11/20/kharkiv/">Kharkiv counts the cost of a week of missile strikes on its power grid</a></li>
<li><a href="/2026/11/18/talks/">Talks on a Black Sea grain corridor open in Istanbul without Moscow</a></li>
</ul></section>
</main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Newsletter</h2>
<p>Sign up for our morning briefing and get the day's top stories in your inbox.</p></section></aside>
</div>
<footer class="site-footer"><p>&copy; 2026 Inkuru Daily. All rights reserved. <a href="/privacy/">Privacy policy</a></p>
<p>Amakuru yose ku buryo bwihuse: kurikira Inkuru Daily ku mbuga nkoranyambaga.</p></footer>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body>
</html>
"""
