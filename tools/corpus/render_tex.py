"""Writes a document as LaTeX for pdfTeX: babel danish, T1 fonts, fancyhdr running header and
"Side N af M" footer; optionally two columns. Paragraphs never break across pages or columns
(\\interlinepenalty), so no topic phrase can straddle a page break."""

TEX_ESC = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def esc(s: str) -> str:
    return "".join(TEX_ESC.get(c, c) for c in s)


def render(doc, variant: int) -> str:
    # Mostly fonts without optical sizes (one subset per weight); Latin Modern in a few.
    fonts = [r"\usepackage{charter}", r"\usepackage{mathptmx}",
             r"\usepackage{helvet}\renewcommand{\familydefault}{\sfdefault}",
             r"\usepackage{charter}", r"\usepackage{mathptmx}", r"\usepackage{lmodern}"][variant % 6]
    babel = "english" if doc.lang == "eng" else "danish"
    opts = "a4paper,11pt" + (",twocolumn" if doc.two_column else "")
    tounicode = r"\input{glyphtounicode}\pdfgentounicode=1" if variant % 2 == 0 else ""
    out = [rf"""\documentclass[{opts}]{{article}}
\usepackage[T1]{{fontenc}}
\usepackage[utf8]{{inputenc}}
\usepackage[{babel}]{{babel}}
{fonts}
{tounicode}
\usepackage[margin={2.2 if doc.two_column else 2.6}cm,top=2.4cm,bottom=2.4cm]{{geometry}}
\usepackage{{tabularx,booktabs,fancyhdr}}
\setlength{{\columnsep}}{{7mm}}
\pagestyle{{fancy}}\fancyhf{{}}
\renewcommand{{\headrulewidth}}{{0.4pt}}
\fancyhead[C]{{\small {esc(doc.header)}}}
\fancyfoot[{'C' if variant % 2 else 'R'}]{{\small Side \thepage\ af \pageref{{kommunsk-last}}}}
\interlinepenalty=10000 \clubpenalty=10000 \widowpenalty=10000 \raggedbottom
\setlength{{\parindent}}{{0pt}}\setlength{{\parskip}}{{0.5\baselineskip}}
\begin{{document}}
"""]
    for kind, payload in doc.blocks:
        if kind == "title":
            out.append(rf"{{\LARGE\bfseries {esc(payload)}\par}}" + "\n")
        elif kind == "subtitle":
            out.append(rf"{{\large {esc(payload)}\par}}\bigskip" + "\n")
        elif kind == "h1":
            out.append(rf"\section*{{{esc(payload)}}}" + "\n")
        elif kind == "p":
            out.append(esc(payload) + "\n\n")
        elif kind == "ul":
            out.append(r"\begin{itemize}\setlength{\itemsep}{0pt}" + "\n")
            out.extend(rf"\item {esc(i)}" + "\n" for i in payload)
            out.append(r"\end{itemize}" + "\n")
        elif kind == "table":
            caption, head, rows = payload
            ncols = len(head)
            out.append(rf"{{\small {esc(caption)}\par}}\nopagebreak" + "\n")
            size = r"\footnotesize\setlength{\tabcolsep}{3pt}" if doc.two_column else r"\small"
            out.append("{" + size + r"\begin{tabularx}{\linewidth}{@{}X" + "r" * (ncols - 1) + r"@{}}\toprule" + "\n")
            out.append(" & ".join(rf"\textbf{{{esc(c)}}}" for c in head) + r"\\\midrule" + "\n")
            for row in rows:
                out.append(" & ".join(esc(c) for c in row) + r"\\" + "\n")
            out.append(r"\bottomrule\end{tabularx}\par}" + "\n\n")
        else:
            raise ValueError(kind)
    out.append(r"\label{kommunsk-last}\end{document}" + "\n")
    return "".join(out)
