-- wrk -s bench/wrk-walk.lua: every wrk thread walks one list to its end, page by page, then starts
-- again. BODY names a JSON body {"query": ...} whose query takes $after; each request sends
-- variables.after = the endCursor of the previous answer (null for the first page).
-- Use one connection per thread (-t N -c N) so that each connection is one walker.
-- done() prints the walks completed and the pages per walk.
local f = assert(io.open(assert(os.getenv("BODY"), "set BODY to a JSON body file"), "rb"))
local base = f:read("*a"):gsub("%s*}%s*$", "")
f:close()
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  after = nil
  walks = 0
  pages = 0
  pages_in_walk = 0
  pages_per_walk = 0
end

function request()
  local v = after and ('"' .. after .. '"') or "null"
  local body = base .. ', "variables": {"after": ' .. v .. '}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end

function response(status, headers, body)
  pages = pages + 1
  pages_in_walk = pages_in_walk + 1
  local more = body:match('"hasNextPage"%s*:%s*true')
  if status == 200 and more then
    after = body:match('"endCursor"%s*:%s*"([^"]*)"')
  else
    if status == 200 then
      walks = walks + 1
      pages_per_walk = pages_in_walk
    end
    pages_in_walk = 0
    after = nil
  end
end

function done(summary, latency, requests)
  local w, p, ppw = 0, 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("walks")
    p = p + t:get("pages")
    ppw = math.max(ppw, t:get("pages_per_walk"))
  end
  io.write(string.format("walks_completed %d pages %d pages_per_walk %d\n", w, p, ppw))
end
