-- Drives a headless Neovim for test/lsp/neovim.test.ts, after the README's recipe in the same init
-- file: waits for FM Atlas to attach to the opened buffer, asks for a completion and a hover at the
-- positions the test gives, waits for diagnostics, writes what the editor received as JSON and quits.
-- It uses only the API of Neovim 0.7, which later versions keep.
local out = os.getenv('FM_ATLAS_NVIM_OUT')
local function position(name)
  return { line = tonumber(os.getenv(name .. '_LINE')), character = tonumber(os.getenv(name .. '_CHARACTER')) }
end

local function finish(result)
  local file = io.open(out, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local function attached(buffer)
  for _, client in pairs(vim.lsp.buf_get_clients(buffer)) do
    if client.name == 'fm_atlas' and client.initialized then
      return client
    end
  end
  return nil
end

local function request(buffer, method, at)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = at }
  local responses = vim.lsp.buf_request_sync(buffer, method, params, 30000) or {}
  for _, response in pairs(responses) do
    if response.result then
      return response.result
    end
  end
  return vim.NIL
end

local function run()
  local buffer = vim.api.nvim_get_current_buf()
  if not vim.wait(30000, function() return attached(buffer) ~= nil end, 50) then
    return { error = 'FM Atlas did not attach to ' .. vim.api.nvim_buf_get_name(buffer) .. ' (filetype ' .. vim.bo.filetype .. ')' }
  end
  local completion = request(buffer, 'textDocument/completion', position('FM_ATLAS_NVIM_COMPLETE'))
  local items = completion ~= vim.NIL and (completion.items or completion) or {}
  local labels = {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
  local hover = request(buffer, 'textDocument/hover', position('FM_ATLAS_NVIM_HOVER'))
  vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
  local diagnostics = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(diagnostics, { line = diagnostic.lnum, message = diagnostic.message })
  end
  return {
    filetype = vim.bo.filetype,
    completion = labels,
    hover = hover ~= vim.NIL and hover.contents and hover.contents.value or vim.NIL,
    diagnostics = diagnostics,
  }
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.defer_fn(function()
      local ok, result = pcall(run)
      finish(ok and result or { error = tostring(result) })
    end, 10)
  end,
})
