// target/lib is made anew from what this embedder's build resolves: nothing from an earlier build stays.
new File(basedir, '../../lib').deleteDir()
return true
