from rewriter.cli import entry

entry()
