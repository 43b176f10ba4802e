/// Sets validity bits `start ..< start + count` where `levels[i] == maxLevel`.
func setValidity(_ words: inout [UInt64], from levels: UnsafePointer<UInt8>, count: Int, start: Int, maxLevel: UInt8) {
    words.withUnsafeMutableBufferPointer { w in
        for i in 0..<count where levels[i] == maxLevel {
            let bit = start + i
            w[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }
}

/// Sets validity bits `start ..< start + count`.
func setValidity(_ words: inout [UInt64], allValidFrom start: Int, count: Int) {
    words.withUnsafeMutableBufferPointer { w in
        var bit = start
        let end = start + count
        while bit < end {
            if bit & 63 == 0 && end - bit >= 64 {
                w[bit >> 6] = ~0
                bit += 64
            } else {
                w[bit >> 6] |= 1 << UInt64(bit & 63)
                bit += 1
            }
        }
    }
}
