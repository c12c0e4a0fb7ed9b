-- wrk script: SCORM run-time commits. $REQUESTS lists one learner a line
-- (session cookie, commit address; see packages.py), $BODY the commit
-- every request sends; connections take the learners in turn, so that
-- consecutive commits are different learners'.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  local n = tonumber(os.getenv("THREADS"))
  local f = io.open(os.getenv("BODY"))
  body = f:read("*a")
  f:close()
  mine, next_one = {}, 0
  local k = 0
  for line in io.lines(os.getenv("REQUESTS")) do
    if k % n == id - 1 then
      local cookie, path = line:match("^(%S+)\t(%S+)$")
      mine[#mine + 1] = wrk.format("POST", path,
        { ["Cookie"] = cookie, ["Content-Type"] = "text/plain;charset=UTF-8" }, body)
    end
    k = k + 1
  end
end

function request()
  next_one = next_one % #mine + 1
  return mine[next_one]
end
