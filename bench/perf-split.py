# perf-split.py PERF_SCRIPT_OUTPUT CPU_SECONDS: the phases of one whole `enclave` run (bench/RESULTS.md, issue 12.8).
# Input: `perf script -F comm,tid,time,ip,sym,dso` of `perf record -F 499 -g` with DOTNET_PerfMapEnabled=1 and
# DOTNET_EnableWriteXorExecute=0. A sample belongs to the phase of the innermost marker on its stack; ReadyToRun frames
# that perf cannot name take the phase of the samples before them in time ("(unresolved)"); start-up is the main
# thread before the first loader frame. Prints each phase share, its CPU seconds and the runtime/GC and JIT shares.
import re
import sys, collections
# time-ordered: start-up = main-thread samples before the first loader frame; then markers as split.py; R2R frames
# (unresolved, in Enclave.Policy.dll) between markers are attributed by the phase of the surrounding samples in time.
markers = [
 ("load", ("Enclave.Policy.Loaders.","ResourceGraph::.ctor","UrnOrder")),
 ("report", ("ReportWriter","DiffJsonWriter","DataAccessJsonWriter")),
 ("compare", ("DiffEngine::","ValueOrigins","PropertyDiff","RuleImpact")),
 ("summaries", ("PolicyVerdicts","PolicySummary")),
 ("access-table", ("DataAccessReport",)),
 ("rules", ("PolicyEvaluator","Enclave.Policy.Rules.","Enclave.Policy.Iam.","Enclave.Policy.Network.","FindingOrder")),
]
samples=[]; frames=[]; head=None
def flush():
    if head is None: return
    m=re.search(r'\s(\d+)\s+(\d+\.\d+):',head); tid=m.group(1); t=float(m.group(2))
    p=None
    for f in frames:
        for name, keys in markers:
            if any(k in f for k in keys): p=name; break
        if p: break
    leaf="managed"
    if frames:
        f=frames[0]
        if "libclrjit" in f: leaf="jit"
        elif "libcoreclr" in f: leaf="runtime/GC"
        elif "kernel" in f: leaf="kernel"
    samples.append((t,tid,p,leaf))
for line in open(sys.argv[1], errors="replace"):
    if not line.strip(): flush(); head=None; frames=[]; continue
    if not line[0].isspace(): head=line; frames=[]
    else: frames.append(line.strip())
flush()
samples.sort()
main=collections.Counter(t[1] for t in samples).most_common(1)[0][0]
first_load=min(t for t,tid,p,l in samples if p=="load")
cnt=collections.Counter(); leafc=collections.Counter()
last=None
for t,tid,p,l in samples:
    if tid!=main: ph="other threads (JIT, GC-less background)"
    elif t<first_load: ph="start-up"
    else:
        ph=p or (last+" (unresolved)" if last else "unresolved")
        if p: last=p
    cnt[ph]+=1; leafc[(ph,l)]+=1
tot=len(samples); cpu=float(sys.argv[2])
print(f"{sys.argv[1]}: {tot} samples, CPU {cpu} s")
for ph,c in sorted(cnt.items(), key=lambda x:-x[1]):
    gc=100*leafc[(ph,'runtime/GC')]/c; jit=100*leafc[(ph,'jit')]/c
    print(f"  {ph:40s} {100*c/tot:5.1f}%  ~{cpu*c/tot:5.2f} s   (runtime/GC {gc:.0f}%, JIT {jit:.0f}%)")
