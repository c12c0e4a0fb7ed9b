-- wrk script: sends each request listed in the file $REQUESTS once (lines of
-- method, path, bearer token and optional JSON body, tab-separated; see
-- learners.py), split between wrk's $THREADS threads. Each request writes a
-- new record, so none may be sent twice: once a thread has sent all of its
-- lines it sends GET /healthz instead, and `done` prints how many, which
-- bench.sh treats as a failure (more lines are needed for the duration).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  local n = tonumber(os.getenv("THREADS"))
  mine, sent, spare = {}, 0, 0
  local k = 0
  for line in io.lines(os.getenv("REQUESTS")) do
    if k % n == id - 1 then
      local method, path, token, body = line:match("^(%S+)\t(%S+)\t(%S+)\t(.*)$")
      local headers = { ["Authorization"] = "Bearer " .. token }
      if body == "" then
        body = nil
      else
        headers["Content-Type"] = "application/json"
      end
      mine[#mine + 1] = wrk.format(method, path, headers, body)
    end
    k = k + 1
  end
end

function request()
  sent = sent + 1
  if sent > #mine then
    spare = spare + 1
    return wrk.format("GET", "/healthz")
  end
  return mine[sent]
end

function done(summary, latency, requests)
  local over = 0
  for _, t in ipairs(threads) do
    over = over + t:get("spare")
  end
  io.write(string.format("spare requests: %d\n", over))
end
