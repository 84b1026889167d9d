-- Neovim's built-in LSP client against the journey language server, for
-- test/unit/language/neovim.test.ts: opens each journey file, attaches a
-- client started with `node dist/server.js --stdio`, waits for the
-- diagnostics, asks for a definition, a hover and the outline, and writes
-- what Neovim understood to JOURNEY_NVIM_OUT as JSON. Written for Neovim
-- 0.7 (Debian's), so only APIs that version has.
local node = vim.env.JOURNEY_NODE
local server = vim.env.JOURNEY_SERVER
local files = vim.json.decode(vim.env.JOURNEY_FILES)
local out_path = vim.env.JOURNEY_NVIM_OUT

local result = { files = {}, errors = {} }

local client_id = vim.lsp.start_client({
  name = 'journey',
  cmd = { node, server, '--stdio' },
  root_dir = vim.fn.fnamemodify(files[1].path, ':h'),
  on_error = function(code, err) table.insert(result.errors, tostring(code) .. ': ' .. vim.inspect(err)) end,
})

local function text_of(bufnr, d)
  local ok, lines = pcall(vim.api.nvim_buf_get_text, bufnr, d.lnum, d.col, d.end_lnum, d.end_col, {})
  return ok and table.concat(lines, '\n') or nil
end

for _, file in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'json'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local published = vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local entry = { path = file.path, published = published, diagnostics = {} }
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(entry.diagnostics, {
      line = d.lnum, col = d.col, end_line = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code, text = text_of(bufnr, d),
    })
  end
  local uri = vim.uri_from_bufnr(bufnr)
  if file.at then
    local params = { textDocument = { uri = uri }, position = file.at }
    local definition = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', params, 10000) or {}
    local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
    for _, response in pairs(definition) do entry.definition = response.result end
    for _, response in pairs(hover) do entry.hover = response.result end
  end
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000) or {}
  for _, response in pairs(symbols) do entry.symbols = response.result end
  table.insert(result.files, entry)
end

local out = io.open(out_path, 'w')
out:write(vim.json.encode(result))
out:close()
vim.lsp.stop_client(client_id, true)
vim.cmd('qa!')
