"""``followlint server``: the Language Server Protocol over stdio, for template editors.

``buffers`` lints an editor's buffer with the workspace's config and plugins, ``comments``
writes an inline suppression in a file type's comment syntax; neither needs pygls. ``server``
wires them to the protocol with pygls (the optional ``lsp`` extra).
"""
